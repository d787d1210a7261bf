/** 统一社会信用代码 (GB 32100-2015): 18 characters of its alphabet (no I, O, S, V, Z). */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
/** 注册号: the 15 digits of a registration before the credit code. */
const REGISTRATION_NUMBER = /^\d{15}$/;

/**
 * The registry code a person typed, as the graph stores it (upper case), or null when the input is
 * not a whole code. Case and surrounding spaces do not matter (91350104MA2XXXXXX1 and
 * 91350104ma2xxxxxx1 are the same firm); a part of a code is not one, so it finds nothing by code.
 */
export function registryCodeOf(input: string): string | null {
  const code = input.trim().toUpperCase();
  return CREDIT_CODE.test(code) || REGISTRATION_NUMBER.test(code) ? code : null;
}
