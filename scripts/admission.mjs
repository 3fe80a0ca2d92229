// Preloaded before Next's standalone server (`node --import ./scripts/admission.mjs server.js`): see admission-control.mjs.
import { installAdmissionControl } from "./admission-control.mjs";

try {
  installAdmissionControl();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
