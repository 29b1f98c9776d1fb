#include "Gazetteer.h"

namespace adm::citygen::gazetteer {

namespace {
QStringList split(const char* text)
{
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}
} // namespace

QList<DistrictSeed> districts()
{
    // Codes and names after GB/T 2260. Weights follow the districts' school-age populations roughly.
    return {
        {"371102", "东港区", "日照市", 420, 34, "河山 陈疃 南湖 涛雒 西湖"},
        {"371103", "岚山区", "日照市", 180, 15, "黄墩 巨峰 高兴 碑廓"},
        {"371121", "五莲县", "五莲县", 140, 12, "许孟 于里 汪湖 叩官 中至 高泽 松柏"},
        {"371122", "莒县", "莒县", 260, 22, "招贤 夏庄 峤山 东莞 长岭 碁山 安庄"},
    };
}

QList<ElsewhereSeed> elsewhere()
{
    // Home towns of families who moved to Rizhao for work, with the area code their ID numbers carry.
    return {
        {"371302", "山东省临沂市兰山区"}, {"371312", "山东省临沂市河东区"},     {"371321", "山东省临沂市沂南县"},
        {"370102", "山东省济南市历下区"}, {"370213", "山东省青岛市李沧区"},     {"370705", "山东省潍坊市奎文区"},
        {"370811", "山东省济宁市任城区"}, {"371702", "山东省菏泽市牡丹区"},     {"371402", "山东省德州市德城区"},
        {"370303", "山东省淄博市张店区"}, {"370902", "山东省泰安市泰山区"},     {"320706", "江苏省连云港市海州区"},
        {"320302", "江苏省徐州市鼓楼区"}, {"130102", "河北省石家庄市长安区"},   {"410105", "河南省郑州市金水区"},
        {"340104", "安徽省合肥市蜀山区"}, {"230103", "黑龙江省哈尔滨市南岗区"}, {"510107", "四川省成都市武侯区"},
        {"220102", "吉林省长春市南关区"}, {"420106", "湖北省武汉市武昌区"},
    };
}

QStringList roadBases()
{
    return split("海曲 烟台 泰安 济南 青岛 威海 淄博 潍坊 临沂 德州 聊城 滨州 菏泽 枣庄 东营 北京 上海 天津 "
                 "重庆 深圳 杭州 苏州 望海 兴海 临海 观海 黄海 碧波 秀水 青云 银川 昆仑 太行 崂山 沂蒙 昭阳 "
                 "文化 正阳 迎宾 友谊 人民 解放 建设 新华 胜利 光明 幸福 团结 振兴 富强 民主 长安 永安 安泰 "
                 "海滨 滨海 金海 银海 蓝海 碧海 沧海 海宁 海昌 海源 海泉 海景 海韵 山海 天宁 天台 奎山 荣华 "
                 "福海 香河 黄河 长江 珠江 淮河 汉江 嘉陵 岷江 洞庭 鄱阳 太湖 巢湖 洪泽 微山 泰和 丰泽 丰华 "
                 "春晖 朝阳 向阳 曙光 旭日 晨光 丽日 明珠 金鼎 玉泉 清泉 甘泉 龙泉 凤鸣 鹤鸣 荷花 桃源 杏林 "
                 "柳青 松涛 竹林 兰亭 菊香 翠微 紫薇 云龙 飞龙 虎山 象山 凤山 鹰山 鲁南 齐鲁 泗水 汶水 沂河 "
                 "沭河 营子 石臼 烟霞 碧霞 青年 学府 科技 创新 高新 工业 商贸 金融 文昌 文博 安居 昌盛 兴业 "
                 "宏图 华夏 中华 神州 海天 天安 安康 康宁 宁远 远航 航运 灯塔 浮来 碁石 丝山 卧龙 "
                 "秦皇 汉武 唐韵 宋风 明德 清风 诚信 仁和 礼贤 智远 勤俭 朴园 银杏 梧桐 枫叶 樱桃 葡萄 "
                 "石榴 芙蓉 牡丹 玉兰 茶山 绿茶 雪松 红柳 沙湾 渔光 潮汐 浪淘 听涛 观澜 揽月 摘星");
}

QStringList roadPatterns()
{
    return split("路 东路 西路 南路 北路 中路 街 大道 大街");
}

QList<int> roadPatternWeights()
{
    return {46, 9, 9, 8, 8, 6, 8, 4, 2};
}

QStringList elsewhereRoadPatterns()
{
    return split("大街 东大街 西大街 北大街 南大街 中路 大道");
}

QStringList compoundPrefixes()
{
    return split("阳光 金海 翠湖 银河 丽景 锦绣 和谐 名都 蓝湾 凤凰 紫荆 樱花 香榭 枫林 御景 天泰 "
                 "时代 世纪 清华 康桥 绿城 金色 银座 恒信 中信 华润 保利 龙湖 融创 鲁信 凯旋 帝景 水岸 "
                 "山水 江南 塞纳 翡翠 琥珀 玛瑙 珍珠 水晶 钻石 黄金 白金 海棠 丁香 木兰 玫瑰 茉莉 桂花 "
                 "杜鹃 青松 翠柏 绿竹 红枫 金桂 新天 鸿运 福瑞 吉祥 如意 乐居 宜居 怡景 悦澜 望岳 揽胜 "
                 "汇景 聚福 嘉禾 德馨 书香 状元 名门 尚品 皇家 帝豪 君悦 君临 碧水 蓝天 白云 星河 月亮 "
                 "彩虹 晨曦 朝霞 暖阳 春天 夏日 秋水 冬青 海岸 沙滩 浪花 贝壳 珊瑚 海鸥 帆影 渔歌 灯火 "
                 "星光 金域 荣盛 泰华 汇金 金茂 瑞景 明月 清溪 翠屏 雅颂 锦华 "
                 "富春 湖畔 岸芷 汀兰 东湖 西湖 南山 北辰 紫金 银帆 金沙 金桥 福地 安澜");
}

QStringList compoundSuffixes()
{
    return split("花园 家园 新村 雅苑 华庭 名苑 公寓 嘉园 佳苑 御府 尚城 名邸 丽都 世家 山庄 花苑 雅居 公馆 "
                 "府 苑 湾 城 居 庭 小区");
}

QList<int> compoundSuffixWeights()
{
    return {14, 10, 5, 6, 5, 5, 3, 5, 4, 3, 3, 3, 2, 3, 2, 3, 3, 2, 3, 3, 3, 3, 2, 2, 8};
}

QStringList looseCompoundSuffixes()
{
    return split("二期 三期 东苑 西苑 南苑 北苑");
}

QStringList typoCharacters()
{
    return split("汇 惠 卉 华 化 江 疆 新 欣 心 星 平 萍 坪 安 岸 康 抗 福 富 复 泰 太 台 杉 珊 扬 杨 洋 "
                 "明 名 鸣 光 广 金 今 锦 凯 恺 源 远 渠 趣 宁 凝 荣 融 丰 峰 锋 昌 常 畅 盛 胜 圣 兴 杏 "
                 "文 闻 武 舞 海 嗨 滨 彬 斌 鹏 蓬 云 芸 韵 晨 辰 臣 德 得 仁 任 蓉 龙 隆 珑");
}

QStringList villagePatterns()
{
    return split("家庄 家埠 家沟 家岭 官庄 家洼 家河 家湖 家屯");
}

QString forbiddenInNames()
{
    // Numerals, address keywords and the city's own names: none of them may appear inside a road,
    // compound or prefix, or a parser could read them as a number, a separator or a district.
    return QString::fromUtf8("〇零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾"
                             "区县市镇村乡号楼幢栋单元室期路街道巷小大里弄庄省莒");
}

} // namespace adm::citygen::gazetteer

namespace adm::citygen::gazetteer {

QStringList forbiddenWords()
{
    return split("东港 岚山 五莲 日照 花园 家园");
}

} // namespace adm::citygen::gazetteer
