// zod's English messages for the issues that carry no message of their own. The schemas use zod's light
// build, which, unlike the classic one, installs no messages: every such issue would read "Invalid input".
// Users read them (an import's refused rows, a push the server refuses: "Too big: expected string to have
// <=20 characters", "Invalid option: expected one of ..."), so they are installed once, here. Imported by
// the modules every schema is built on (text.ts, enums.ts) and by those that build theirs on zod alone.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
