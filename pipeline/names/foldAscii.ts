/**
 * Folds diacritics and special letters to ASCII (diaspora spellings, Japanese macrons).
 *
 * @example
 *   foldAscii('Müller') // 'Muller'; foldAscii('Satō') // 'Sato'
 */
export function foldAscii(name: string): string {
  const special: Record<string, string> = { ß: 'ss', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', đ: 'd', Đ: 'D', ı: 'i', İ: 'I' };
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[ßłŁøØæÆđĐıİ]/g, (c) => special[c]);
}
