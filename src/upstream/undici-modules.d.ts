// Types for the undici modules ./undici-core.ts loads directly (undici ships types for its index only).
declare module 'undici/lib/dispatcher/pool.js' {
  import type { Pool } from 'undici';
  const PoolModule: typeof Pool;
  export default PoolModule;
}
declare module 'undici/lib/core/errors.js' {
  import type { errors } from 'undici';
  const errorsModule: typeof errors;
  export default errorsModule;
}
