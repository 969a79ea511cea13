/**
 * Characters that OCR and typesetting confuse because they look alike (形近字). Each group
 * lists characters any of which may be misread as another. General knowledge of Chinese
 * print, not taken from any dataset.
 */
const GROUPS = [
  '日曰',
  '己已巳',
  '未末',
  '人入八',
  '土士',
  '市币',
  '代伐',
  '天夭',
  '准淮',
  '析柝',
  '区匹',
  '园圆',
  '赢嬴',
  '戊戌戍',
  '宫官',
  '免兔',
  '拔拨',
  '侯候',
  '崇祟',
  '汩汨',
  '冶治',
  '茶荼',
  '贝见',
  '泊洎',
  '休体',
  '大太犬',
  '王玉主',
  '刀力',
  '干千于',
  '牛午',
  '失矢',
  '白自',
  '目日',
  '由甲申田',
  '今令',
  '厂广',
  '住往',
  '折拆',
  '壁璧',
  '辩辨辫',
  '即既',
  '幕墓慕暮',
  '卷券',
  '特持',
  '练炼',
  '峰锋蜂',
  '陷馅',
  '徒徙',
  '历厉',
  '钓钧',
  '粟栗',
  '仓仑',
  '延廷',
  '坐座',
  '子孑孓',
  '刺剌',
  '徽微',
  '逐遂',
  '末未',
  '径经',
  '织识职',
  '拆析',
  '盲肓',
  '采釆',
  '祗祇',
  '冒昌',
  '师帅',
  '鸟乌',
  '兵乒乓',
  '问间',
  '汗汁',
  '杨扬',
  '晴睛',
  '货贷',
  '侍待',
];

const PARTNERS = new Map<string, string[]>();
for (const group of GROUPS) {
  for (const ch of group) {
    const others = [...group].filter((c) => c !== ch);
    PARTNERS.set(ch, [...new Set([...(PARTNERS.get(ch) ?? []), ...others])]);
  }
}

/** Characters `ch` is commonly misprinted for (or as). */
export function lookalikes(ch: string): readonly string[] {
  return PARTNERS.get(ch) ?? [];
}
