/** The encodings the read stage decodes; a module of its own so that the CLI can name them without loading the decoder. */

export const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type Encoding = (typeof encodings)[number];

/** Accepted spellings of each encoding for `--encoding`. GBK and GB2312 text is a subset of GB18030. */
export const encodingAliases: Readonly<Record<string, Encoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
};
