import type { CleanRecord } from '../../src/synth/model.js';

// Made-up People's Daily–style articles (our own text), one page of three stories. They carry the
// paper's structure the generator must label: kicker line ending in ——, byline, dateline with a
// reporter note, photo caption + credit, subheads, an editor's note and a closing source tag.
// 园区 occurs often so a one-character variant (园→圆) can be planted (D9).
export const PAGE: CleanRecord[] = [
  {
    date: '2024-04-18',
    page: 3,
    order: 0,
    title: '滨江园区里的春耕新图景',
    content: [
      '科技助农  田间有了新帮手——',
      '本报记者  林  晓',
      '本报宜宾4月17日电  （记者林晓）清晨的滨江园区，薄雾笼罩着连片的秧田，十几台插秧机整齐排开，机器轰鸣声打破了田野的宁静。',
      '今年，园区引进了北斗导航插秧机，一台机器一天能插秧四十多亩，比人工快了二十倍。园区负责人介绍，机械化率已经超过九成。',
      '智慧农业落地生根',
      '在园区的数字大棚里，温度、湿度和土壤墒情都能在手机上实时查看，技术员小陈每天只需巡查一遍就能掌握全部情况。',
      '“过去种田靠经验，现在种田靠数据。”种粮大户老杨笑着说，今年他在园区承包了三百亩地，预计收成比去年再增一成。',
      '农民在滨江园区驾驶插秧机作业。',
      '王  川摄',
      '（新华社宜宾4月17日电）',
    ].join('\n'),
  },
  {
    date: '2024-04-18',
    page: 3,
    order: 1,
    title: '老街巷里开出“共享书房”',
    content: [
      '编者按：城市更新不只是修房子，也是修生活。本版今起推出系列报道，记录街巷里的新变化。',
      '新华社成都4月17日电 走进青石巷的共享书房，木质书架上摆满了居民捐赠的图书，几位老人正戴着老花镜读报。',
      '书房由一间闲置的老茶馆改造而成，街道出资修缮，居民自发管理，每天早上八点开门，晚上九点关门。',
      '退休教师周阿婆是书房的志愿管理员，她说最开心的是周末，孩子们围坐在一起读绘本，书房里满是笑声。',
    ].join('\n'),
  },
  {
    date: '2024-04-18',
    page: 3,
    order: 2,
    title: '山区小学的第一支足球队',
    content: [
      '操场上的欢呼声一阵高过一阵，这是云岭小学足球队成立后的第一场比赛，孩子们穿着崭新的球衣奔跑在草地上。',
      '球队的教练是去年来支教的大学生小吴，他利用课余时间教孩子们传球和射门，还自己动手画了战术板。',
      '说起梦想，十一岁的队长阿杰挠挠头说，希望有一天能到县城的体育场踢一场真正的比赛。',
    ].join('\n'),
  },
];
