// ULIDs (time-ordered, 26 Crockford base32 characters), monotonic within one millisecond.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBytes(n: number): Uint8Array {
  const a = new Uint8Array(n);
  globalThis.crypto.getRandomValues(a);
  return a;
}

export function createUlidFactory(now: () => Date = () => new Date()): () => string {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    const t = now().getTime();
    if (t === lastTime) {
      // Same millisecond: increment the random part so ids stay ordered.
      for (let i = lastRandom.length - 1; i >= 0; i--) {
        if (lastRandom[i] < 31) {
          lastRandom[i]++;
          break;
        }
        lastRandom[i] = 0;
      }
    } else {
      lastTime = t;
      lastRandom = Array.from(randomBytes(16), (b) => b % 32);
    }
    let time = '';
    let v = t;
    for (let i = 0; i < 10; i++) {
      time = ALPHABET[v % 32] + time;
      v = Math.floor(v / 32);
    }
    return time + lastRandom.map((i) => ALPHABET[i]).join('');
  };
}
