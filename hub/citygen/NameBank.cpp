#include "NameBank.h"

namespace adm::citygen {

namespace {
QStringList split(const char* text)
{
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}
} // namespace

NameBank::NameBank()
{
    // Surnames roughly by frequency: the first ones carry more weight.
    m_surnames = split("王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 "
                       "程 曹 袁 邓 许 傅 沈 曾 彭 吕 苏 卢 蒋 蔡 贾 丁 魏 薛 叶 阎 余 潘 杜 戴 夏 钟 汪 田 任 姜 "
                       "范 方 石 姚 谭 廖 邹 熊 金 陆 郝 孔 白 崔 康 毛 邱 秦 江 史 顾 侯 邵 孟 龙 万 段 钱 汤 尹 "
                       "黎 易 常 武 乔 贺 赖 龚 文 厉 牟 卜 臧 相 鞠 逄 欧阳 司马");
    for (int i = 0; i < m_surnames.size(); ++i)
        m_surnameWeights.append(i < 10 ? 60 : i < 30 ? 20 : i < 100 ? 6 : 1);
    m_maleChars = split("伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 "
                        "阳 建 国 峰 亮 成 志 海 文 东 晨 昊 然 锋 振 兴 利 庆 春 德 永 刚 彬 晓 鸿 瑞");
    m_femaleChars = split("芳 娜 敏 静 丽 艳 娟 霞 燕 玲 丹 萍 红 玉 兰 英 梅 琳 洁 颖 雪 婷 慧 莉 倩 蕾 薇 "
                          "晶 琪 月 秀 君 菲 妍 岚 露 瑶 璐 晓 佳 欣 宁 悦 青 云 凤 荣 琴");
    m_boyNames = split("子轩 浩宇 宇轩 梓轩 沐辰 俊熙 思远 浩然 一鸣 子墨 奕辰 宇航 博文 铭泽 晨阳 皓轩 "
                       "明哲 天佑 嘉懿 煜城 懿轩 烨伟 苑博 伟泽 熠彤 鸿煊 博涛 烨霖 烨华 煜祺 智宸 正豪 "
                       "昊然 明杰 立诚 立轩 立辉 峻熙 弘文 熠彤 鸿涛 伟诚 泽洋 俊驰 雨泽 烨磊 晟睿 天宇 "
                       "子豪 家豪 一帆 梓睿 锦程 景行 承泽 安康 乐天 嘉树");
    m_girlNames = split("子涵 欣怡 梓涵 雨桐 诗涵 可馨 佳怡 一诺 若汐 语桐 梓萱 思琪 雨欣 诗琪 梦瑶 紫涵 "
                        "雅琪 欣妍 佳琪 梓琪 雨涵 若曦 语嫣 心怡 晨曦 紫萱 静怡 嘉怡 悦然 诗雨 婉清 思涵 "
                        "雅静 梦琪 忆柳 之桃 慕青 问兰 尔岚 元香 初夏 沛菡 傲珊 曼文 乐菱 痴珊 恨玉 惜文 "
                        "书瑶 清妍 安然 芷若 依诺 沐瑶 可欣 欣然 语彤 梓琳");
    m_bigEmployers = split("日照港集团有限公司 山东钢铁集团日照有限公司 日照银行股份有限公司 日照市人民医院 "
                           "日照市中医医院 国网山东省电力公司日照供电公司 日照市公共交通集团有限公司 "
                           "中国移动通信集团山东有限公司日照分公司 日照职业技术学院 亚太森博浆纸有限公司 "
                           "日照钢铁控股集团有限公司 浪潮软件日照分公司");
    m_firmWords = split("鑫源 华通 恒泰 宏远 金鼎 瑞丰 永盛 海纳 诚信 东方 天润 盛和 聚达 德润 昌隆 博远 "
                        "兴旺 安达 汇通 新程 蓝天 碧海 金帆 鲁港 海源 通达 顺安 恒信 佳和 沃土");
    m_firmKinds = split("商贸 物流 建筑工程 科技 食品 机械 水产 纺织 电子 家居 汽车服务 广告 教育咨询 "
                        "物业管理 医药 建材 海运 餐饮管理");
    m_shopKinds = split("便利店 超市 五金店 饭店 理发店 水果店 烟酒店 服装店 手机店 早餐店 干洗店 "
                        "海鲜店 文具店 母婴店 汽修店");
}

QString NameBank::surname(Random& rng) const
{
    return m_surnames.at(rng.weighted(m_surnameWeights));
}

QString NameBank::givenName(Random& rng, bool male, bool child) const
{
    if (child)
        return male ? rng.pick(m_boyNames) : rng.pick(m_girlNames);
    const QStringList& chars = male ? m_maleChars : m_femaleChars;
    if (rng.chance(0.35))
        return rng.pick(chars);
    return rng.pick(chars) + rng.pick(chars);
}

QString NameBank::fullName(Random& rng, const QString& surname, bool male, bool child) const
{
    return surname + givenName(rng, male, child);
}

QString NameBank::phone(Random& rng) const
{
    // Mobile numbers: 1, then 3-9, then nine digits.
    char buf[12];
    buf[0] = '1';
    buf[1] = char('3' + rng.below(7));
    for (int i = 2; i < 11; ++i)
        buf[i] = char('0' + rng.below(10));
    buf[11] = 0;
    return QString::fromLatin1(buf);
}

QString NameBank::employer(Random& rng, const QString& districtName) const
{
    if (rng.chance(0.3))
        return rng.pick(m_bigEmployers);
    if (rng.chance(0.5))
        return QStringLiteral("日照%1%2有限公司").arg(rng.pick(m_firmWords), rng.pick(m_firmKinds));
    return QStringLiteral("日照市%1%2%3有限公司").arg(districtName, rng.pick(m_firmWords), rng.pick(m_firmKinds));
}

QString NameBank::tradeName(Random& rng, const QString& districtName) const
{
    return districtName + rng.pick(m_firmWords) + rng.pick(m_shopKinds);
}

QString NameBank::enterpriseName(Random& rng) const
{
    return QStringLiteral("日照%1%2有限公司").arg(rng.pick(m_firmWords), rng.pick(m_firmKinds));
}

} // namespace adm::citygen
