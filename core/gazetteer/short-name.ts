/**
 * Short (stem) form of an administrative division name: 湛河区 → 湛河, 平顶山市 → 平顶山,
 * 河南省 → 河南, 延边朝鲜族自治州 → 延边, 新疆维吾尔自治区 → 新疆. Names whose stem would be a
 * single character (赵县, 城区, 矿区) keep their full form: a one-character stem is not a name.
 */

/** The 55 recognised minority nationalities, as they appear before 族 in autonomous-area names. */
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京',
  '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);

/** Generic suffixes, longest first. */
export const DIVISION_SUFFIXES = [
  '特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '新区', '林区', '特区', '省', '市', '区', '县', '旗', '盟',
] as const;

function stripNationalities(s: string): string {
  let cur = s;
  for (;;) {
    if (cur.endsWith('各族')) {
      cur = cur.slice(0, -2);
      continue;
    }
    if (!cur.endsWith('族')) return cur;
    const body = cur.slice(0, -1);
    const n = NATIONALITIES.find((x) => body.endsWith(x) && body.length > x.length);
    if (!n) return cur;
    cur = body.slice(0, -n.length);
  }
}

/** The stem of a division name, or the name itself when no stem of two or more characters remains. */
export function shortName(name: string): string {
  for (const suffix of DIVISION_SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    let stem = name.slice(0, -suffix.length);
    if (suffix.startsWith('自治')) stem = stripNationalities(stem);
    if (suffix === '自治区') {
      // 新疆维吾尔自治区: the nationality without 族
      const n = NATIONALITIES.find((x) => stem.endsWith(x) && stem.length - x.length >= 2);
      if (n) stem = stem.slice(0, -n.length);
    }
    return stem.length >= 2 ? stem : name;
  }
  return name;
}

/** The generic suffix a name ends with ('' when none), e.g. 区 for 湛河区. */
export function divisionSuffix(name: string): string {
  const stem = shortName(name);
  return stem === name ? '' : name.slice(stem.length);
}
