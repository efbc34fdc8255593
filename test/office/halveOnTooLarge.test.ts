import { OFFICE_REQUEST_CAP } from '../../src/domain/officeLimits';
import { isTooLarge, sendHalving } from '../../src/office/halveOnTooLarge';

const refusal = (code: string) => Object.assign(new Error('refused'), { code });

describe('halve the block and retry', () => {
  test('a block the host refuses is halved, and the blocks after it are no larger', async () => {
    const sent: [number, number][] = [];
    // The host takes at most 30 items in one request.
    const r = await sendHalving(
      100,
      () => 80,
      async (start, count) => {
        if (count > 30) throw refusal('RequestPayloadSizeLimitExceeded');
        sent.push([start, count]);
      },
    );
    expect(sent).toEqual([
      [0, 20],
      [20, 20],
      [40, 20],
      [60, 20],
      [80, 20],
    ]);
    expect(r).toEqual({ blocks: 5, refused: 2 });
  });

  test('every item is sent once, in order, whatever the sizes proposed', async () => {
    const seen: number[] = [];
    await sendHalving(
      37,
      (start) => (start % 2 ? 5 : 9),
      async (start, count) => {
        if (count > 6) throw refusal('ResponsePayloadSizeLimitExceeded');
        for (let i = start; i < start + count; i++) seen.push(i);
      },
    );
    expect(seen).toEqual(Array.from({ length: 37 }, (_, i) => i));
  });

  test('an error that is not about size is thrown at once, without retrying', async () => {
    const send = vi.fn(async () => {
      throw refusal('AccessDenied');
    });
    await expect(sendHalving(10, () => 10, send)).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('a single item still too large: the caller names it', async () => {
    const p = sendHalving(
      4,
      () => 4,
      async (start, count) => {
        if (start <= 2 && start + count > 2) throw refusal('RequestPayloadSizeLimitExceeded');
      },
      { single: (start) => new Error(`item ${start + 1} is too large`) },
    );
    await expect(p).rejects.toThrow('item 3 is too large');
  });

  test('too large: the documented codes, or a request measured over the cap; never the message text alone', () => {
    expect(isTooLarge(refusal('RequestPayloadSizeLimitExceeded'))).toBe(true);
    expect(isTooLarge(refusal('ResponsePayloadSizeLimitExceeded'))).toBe(true);
    expect(isTooLarge(refusal('GeneralException'))).toBe(false);
    expect(isTooLarge(refusal('GeneralException'), OFFICE_REQUEST_CAP + 1)).toBe(true);
    expect(isTooLarge(refusal('GeneralException'), OFFICE_REQUEST_CAP)).toBe(false);
    expect(
      isTooLarge(
        Object.assign(new Error('The request payload size has exceeded the limit'), { code: 'GeneralException' }),
      ),
    ).toBe(false);
    expect(isTooLarge('RequestPayloadSizeLimitExceeded')).toBe(false);
  });
});
