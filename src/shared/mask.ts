/** Long digit runs may be personal identity numbers: logs never get them whole. */
export const maskDigits = (text: string) => text.replace(/\d{6,}[-+]?\d{0,4}/g, '******');
