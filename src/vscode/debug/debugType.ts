/** The `type` of Snowpark Local's debug configurations (package.json contributes.debuggers). */
export const DEBUG_TYPE = 'snowpark-local';
