<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchApproval</name>
    <message numerus="yes">
        <source>%1 has %2 seats and %3 approvals already: approving these %n application(s) would go over by %4.</source>
        <translation>
            <numerusform>%1共有%2个学位，已通过%3份申请：通过这%n份申请将超出%4个学位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was approved. Select fewer applications of that school, or decide them one by one.</source>
        <translation>未通过任何申请。请减少所选的该校申请数量，或逐份作出决定。</translation>
    </message>
    <message numerus="yes">
        <source>%n already decided or waiting to be sent</source>
        <translation>
            <numerusform>%n份已作出决定或待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not checked yet, or the check is out of date</source>
        <translation>
            <numerusform>%n份尚未核验，或核验结果已过时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not eligible</source>
        <translation>
            <numerusform>%n份不符合条件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flagged</source>
        <translation>
            <numerusform>%n份有标记</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with another category than the one claimed</source>
        <translation>
            <numerusform>%n份核验类别与申报类别不符</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache cannot be read.</source>
        <translation>无法读取本地缓存。</translation>
    </message>
</context>
<context>
    <name>CounterIntake</name>
    <message>
        <source>No application with local number %1 was taken at this workstation.</source>
        <translation>本工作站未受理本地编号为 %1 的申请。</translation>
    </message>
</context>
<context>
    <name>CounterReceipt</name>
    <message>
        <source>Cannot write the receipt to %1: %2. Choose another folder and try again.</source>
        <translation>无法将回执写入 %1：%2。请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <source>The receipt cannot be started: check the printer or the file.</source>
        <translation>无法开始生成回执：请检查打印机或文件。</translation>
    </message>
    <message>
        <source>The receipt could not be finished.</source>
        <translation>回执未能完成。</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>the file cannot be opened or written</source>
        <translation>文件无法打开或写入</translation>
    </message>
    <message>
        <source>the file was not written</source>
        <translation>文件未写入</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The cache %1 cannot be read with this workstation&apos;s key: it is damaged, or it belongs to another workstation. Restore it from a backup, or move it away and sync again.</source>
        <translation>无法用本工作站的密钥读取本地缓存%1：缓存已损坏，或属于其他工作站。请从备份中恢复，或将其移走后重新同步。</translation>
    </message>
    <message>
        <source>This program was built against SQLite without SQLCipher; it cannot encrypt the cache.</source>
        <translation>本程序编译时使用的SQLite不含SQLCipher，无法加密本地缓存。</translation>
    </message>
    <message>
        <source>Refusing to open the cache without a 32-byte key.</source>
        <translation>没有32字节的密钥，拒绝打开本地缓存。</translation>
    </message>
    <message>
        <source>There is no cache at %1.</source>
        <translation>%1处没有本地缓存。</translation>
    </message>
    <message>
        <source>A cache already exists at %1.</source>
        <translation>%1处已存在本地缓存。</translation>
    </message>
    <message>
        <source>%1 is an unencrypted SQLite database, not a workstation cache. It was not opened.</source>
        <translation>%1是未加密的SQLite数据库，不是工作站的本地缓存。未打开该文件。</translation>
    </message>
    <message>
        <source>The new cache was written unencrypted; it was not used.</source>
        <translation>新建的本地缓存未加密，因此未使用。</translation>
    </message>
</context>
<context>
    <name>DecisionService</name>
    <message>
        <source>There is no decision of yours to take back.</source>
        <translation>您没有可撤回的审核决定。</translation>
    </message>
</context>
<context>
    <name>EligibilityCheck</name>
    <message>
        <source>The child has other applications this year: %1.</source>
        <translation>该儿童今年还有其他申请：%1。</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 is also the decisive property of %2, a child in another household.</source>
        <translation>不动产权证书%1同时也是其他户儿童的申请%2的认定依据房产。</translation>
    </message>
    <message>
        <source>property</source>
        <translation>房产</translation>
    </message>
    <message>
        <source>household registration</source>
        <translation>户籍</translation>
    </message>
    <message>
        <source>residence</source>
        <translation>居住</translation>
    </message>
    <message>
        <source>work</source>
        <translation>就业</translation>
    </message>
    <message>
        <source>The target school %1 is not known.</source>
        <translation>找不到申请的学校%1。</translation>
    </message>
    <message>
        <source>No admission policy for district %1, year %2, grade %3.</source>
        <translation>没有适用于区县%1、%2年度、年级%3的招生政策。</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 is sealed.</source>
        <translation>不动产权证书%1对应的房产已被查封。</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 was cancelled on %2, after the cut-off: sold after the cut-off.</source>
        <translation>不动产权证书%1于截止日期之后的%2注销：房产在截止日期后已出售。</translation>
    </message>
    <message>
        <source>The decisive address %1.</source>
        <translation>认定所依据的地址%1。</translation>
    </message>
    <message>
        <source>No agency record ties %1 to the child; paper evidence is needed.</source>
        <translation>没有任何部门记录能证明%1与儿童的关系，需提供纸质证明材料。</translation>
    </message>
    <message>
        <source>The family claimed category %1; the check finds %2.</source>
        <translation>家庭申报为%1类，核验结果为%2类。</translation>
    </message>
    <message>
        <source>Claimed category %1, but no agency has any record of the child or a guardian for: %2.</source>
        <translation>申报为%1类，但以下条件在各部门均查无儿童或监护人的记录：%2。</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>The child&apos;s ID number gives no birth date: %1</source>
        <translation>无法从儿童身份证号中读取出生日期：%1</translation>
    </message>
    <message>
        <source>Born on %1, after %2: under age, not eligible this year.</source>
        <translation>出生于%1，晚于%2：未到入学年龄，今年不符合入学条件。</translation>
    </message>
    <message>
        <source>Born on %1, before %2: over age, for review.</source>
        <translation>出生于%1，早于%2：超龄，需人工审核。</translation>
    </message>
    <message>
        <source>Born on %1, within %2 to %3.</source>
        <translation>出生于%1，在%2至%3之间。</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 names neither the child nor a guardian as owner.</source>
        <translation>不动产权证书%1的权利人中既没有儿童，也没有监护人。</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 is for %2 use, not residential.</source>
        <translation>不动产权证书%1的用途为%2，不是住宅。</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 was registered on %2, after the cut-off %3.</source>
        <translation>不动产权证书%1登记于%2，晚于截止日期%3。</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 was cancelled on %2, not after the cut-off %3.</source>
        <translation>不动产权证书%1已于%2注销，不晚于截止日期%3。</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 has status %2: not held at the cut-off.</source>
        <translation>不动产权证书%1的状态为%2：截止日期时已不再持有。</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 is not in the school&apos;s zone. %2</source>
        <translation>不动产权证书%1不在本校学区内。%2</translation>
    </message>
    <message>
        <source>Real-estate certificate %1 (status %2, registered on %3) is in the school&apos;s zone: the address %4.</source>
        <translation>不动产权证书%1（状态：%2，登记于%3）在本校学区内：地址%4。</translation>
    </message>
    <message>
        <source>Sale contract %1 names neither the child nor a guardian as buyer.</source>
        <translation>网签合同%1的买受人中既没有儿童，也没有监护人。</translation>
    </message>
    <message>
        <source>Sale contract %1 has status %2, not filed.</source>
        <translation>网签合同%1的状态为%2，未备案。</translation>
    </message>
    <message>
        <source>Sale contract %1 was signed on %2, after the cut-off %3.</source>
        <translation>网签合同%1签订于%2，晚于截止日期%3。</translation>
    </message>
    <message>
        <source>Sale contract %1 is not in the school&apos;s zone. %2</source>
        <translation>网签合同%1不在本校学区内。%2</translation>
    </message>
    <message>
        <source>Filed sale contract %1 (signed on %2) is in the school&apos;s zone: the address %3.</source>
        <translation>已备案的网签合同%1（签订于%2）在本校学区内：地址%3。</translation>
    </message>
    <message>
        <source>Household %1 gives no date on which the child was registered there.</source>
        <translation>户号%1的户籍记录未载明儿童在该户的登记日期。</translation>
    </message>
    <message>
        <source>Household %1 lists the child only from %2, after the cut-off %3.</source>
        <translation>户号%1的户籍记录显示儿童自%2起才登记在该户，晚于截止日期%3。</translation>
    </message>
    <message>
        <source>Household %1 gives no address.</source>
        <translation>户号%1的户籍记录未载明地址。</translation>
    </message>
    <message>
        <source>Household %1 is registered in %2, not in an urban district of this policy.</source>
        <translation>户号%1的户籍登记在%2，不属于本招生政策规定的城区。</translation>
    </message>
    <message>
        <source>Household %1 lists the child since %2, at an address in urban district %3.</source>
        <translation>户号%1的户籍记录显示儿童自%2起登记在该户，地址位于城区%3。</translation>
    </message>
    <message>
        <source>Household %1 is registered at an address that names no district and lies in no zone of an urban district.</source>
        <translation>户号%1的户籍地址未写明区县，且不在任何城区的学区内。</translation>
    </message>
    <message>
        <source>Household %1 lists the child since %2; its address %3, in urban district %4.</source>
        <translation>户号%1的户籍记录显示儿童自%2起登记在该户；其地址%3，位于城区%4。</translation>
    </message>
    <message>
        <source>Rental filing %1 does not name a guardian as tenant.</source>
        <translation>房屋租赁备案%1的承租人不是监护人。</translation>
    </message>
    <message>
        <source>Rental filing %1 has status %2, not valid.</source>
        <translation>房屋租赁备案%1的状态为%2，不是有效状态。</translation>
    </message>
    <message>
        <source>Rental filing %1 starts on %2, after %3 (%4 months before the cut-off).</source>
        <translation>房屋租赁备案%1的起租日期为%2，晚于%3（截止日期前%4个月）。</translation>
    </message>
    <message>
        <source>Rental filing %1 ends on %2, before the cut-off %3.</source>
        <translation>房屋租赁备案%1于%2到期，早于截止日期%3。</translation>
    </message>
    <message>
        <source>Rental filing %1 is not in the school&apos;s zone. %2</source>
        <translation>房屋租赁备案%1不在本校学区内。%2</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Rental filing %1 runs from %2 (needed by %3) to %4; the address %5.</source>
        <translation>房屋租赁备案%1起租日期：%2（须不晚于%3），到期日期：%4；地址%5。</translation>
    </message>
    <message>
        <source>Residence permit %1 is not a guardian&apos;s.</source>
        <translation>居住证%1不属于监护人。</translation>
    </message>
    <message>
        <source>Residence permit %1 was issued on %2, after %3 (%4 months before the cut-off).</source>
        <translation>居住证%1签发于%2，晚于%3（截止日期前%4个月）。</translation>
    </message>
    <message>
        <source>Residence permit %1 expired on %2, before the cut-off %3.</source>
        <translation>居住证%1已于%2到期，早于截止日期%3。</translation>
    </message>
    <message>
        <source>Residence permit %1 is not in the school&apos;s zone. %2</source>
        <translation>居住证%1不在本校学区内。%2</translation>
    </message>
    <message>
        <source>Residence permit %1 was issued on %2 (needed by %3) and is valid until %4; the address %5.</source>
        <translation>居住证%1签发日期：%2（须不晚于%3），有效期至：%4；地址%5。</translation>
    </message>
    <message>
        <source>Social insurance with %1 is not a guardian&apos;s.</source>
        <translation>社会保险（%1）不属于监护人。</translation>
    </message>
    <message>
        <source>Social insurance with %1 is paid in another city (%2).</source>
        <translation>社会保险（%1）在外地缴纳（%2）。</translation>
    </message>
    <message>
        <source>Social insurance with %1 has no contributions in %2 or %3.</source>
        <translation>社会保险（%1）在%2和%3均无缴费记录。</translation>
    </message>
    <message>
        <source>Social insurance with %1: the unbroken run from %2 to %3 is %4 months; %5 are needed.</source>
        <translation>社会保险（%1）：%2至%3连续缴费%4个月，须满%5个月。</translation>
    </message>
    <message>
        <source>Social insurance with %1: %2 unbroken months from %3 to %4 (%5 needed, ending in %6 or %7).</source>
        <translation>社会保险（%1）：%3至%4连续缴费%2个月（须满%5个月，且截至%6或%7）。</translation>
    </message>
    <message>
        <source>Business %1 does not name a guardian as operator or legal representative.</source>
        <translation>经营主体%1的经营者或法定代表人不是监护人。</translation>
    </message>
    <message>
        <source>Business %1 is %2, not active.</source>
        <translation>经营主体%1的状态为%2，不是存续状态。</translation>
    </message>
    <message>
        <source>Business %1 was registered on %2, after %3 (%4 months before the cut-off).</source>
        <translation>经营主体%1登记于%2，晚于%3（截止日期前%4个月）。</translation>
    </message>
    <message>
        <source>Business %1 is active and was registered on %2 (needed by %3).</source>
        <translation>经营主体%1处于存续状态，登记于%2（须不晚于%3）。</translation>
    </message>
    <message>
        <source>No real-estate registration or sale contract of the child or a guardian.</source>
        <translation>未查到儿童或监护人的不动产登记或网签合同。</translation>
    </message>
    <message>
        <source>No household record lists the child.</source>
        <translation>未查到登记有该儿童的户籍记录。</translation>
    </message>
    <message>
        <source>No rental filing or residence permit of a guardian.</source>
        <translation>未查到监护人的房屋租赁备案或居住证。</translation>
    </message>
    <message>
        <source>No social insurance or business registration of a guardian.</source>
        <translation>未查到监护人的社会保险或工商登记。</translation>
    </message>
    <message>
        <source>Application %1: category %2, eligible.</source>
        <translation>申请%1：类别%2，符合条件。</translation>
    </message>
    <message>
        <source>Application %1: category %2, not eligible.</source>
        <translation>申请%1：类别%2，不符合条件。</translation>
    </message>
    <message>
        <source>Claimed category: %1. Policy: %2.</source>
        <translation>申报类别：%1。招生政策：%2。</translation>
    </message>
    <message>
        <source>Flags: none.</source>
        <translation>标记：无。</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>标记：</translation>
    </message>
    <message>
        <source>Rules:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>record %1 (%2, %3), fetched %4</source>
        <translation>记录%1（%2，%3），获取时间%4</translation>
    </message>
    <message>
        <source>guardian %1 (%2)</source>
        <translation>第%1位监护人（%2）</translation>
    </message>
    <message>
        <source>odd numbers</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>even numbers</source>
        <translation>双号</translation>
    </message>
    <message>
        <source>all numbers</source>
        <translation>单双号</translation>
    </message>
    <message>
        <source>no zone</source>
        <translation>未匹配任何学区</translation>
    </message>
    <message>
        <source>matched compound %1 of zone %2</source>
        <translation>匹配学区%2的小区%1</translation>
    </message>
    <message>
        <source>matched loosely: listed compound %1 of zone %2 is inside the name %3</source>
        <translation>模糊匹配：名称%3中包含学区%2所列小区%1</translation>
    </message>
    <message>
        <source>%1 to %2 (%3)</source>
        <translation>%1—%2号（%3）</translation>
    </message>
    <message>
        <source>matched %1 No. %2 in range %3 of zone %4</source>
        <translation>匹配学区%4：%1%2号，属%3</translation>
    </message>
    <message>
        <source>matched loosely: road %1 read as listed road %2, No. %3 in range %4 of zone %5</source>
        <translation>模糊匹配：道路%1视为学区%5所列道路%2，%3号属%4</translation>
    </message>
    <message>
        <source>The record gives no address.</source>
        <translation>该记录未载明地址。</translation>
    </message>
    <message>
        <source>The address names %1, outside the zone&apos;s district.</source>
        <translation>地址写明的%1不在学区所属区县内。</translation>
    </message>
    <message>
        <source>The address names %1, not the district of zone %2 (%3).</source>
        <translation>地址写明的是%1，而不是学区%2所在的%3。</translation>
    </message>
    <message>
        <source>The address gives no house number on %1 (zone %2).</source>
        <translation>地址未写明%1的门牌号（学区%2）。</translation>
    </message>
    <message>
        <source>No. %1 on %2 is outside zone %3, which takes %4 from %5 to %6.</source>
        <translation>%2%1号不在学区%3内，该学区包含%2%5—%6号（%4）。</translation>
    </message>
    <message>
        <source>The address lies in zone %1, not in zone %2.</source>
        <translation>该地址位于学区%1，不在学区%2内。</translation>
    </message>
    <message>
        <source>Neither the road nor the compound of the address is listed for zone %1.</source>
        <translation>该地址的道路和小区均不在学区%1的所列范围内。</translation>
    </message>
</context>
<context>
    <name>HubText</name>
    <message>
        <source>The CA file cannot be used.</source>
        <translation>无法使用该CA文件。</translation>
    </message>
    <message>
        <source>The city platform did not accept this account and password. Check both (capital letters count) and try again.</source>
        <translation>市级平台不接受此账号和密码。请检查两者（区分大小写）后重试。</translation>
    </message>
    <message>
        <source>The city platform cannot be reached from this computer now. Check the city platform address and the network connection, then try again.</source>
        <translation>本机目前无法连接市级平台。请检查市级平台地址和网络连接，然后重试。</translation>
    </message>
    <message>
        <source>The city platform&apos;s security certificate was refused, so nothing was sent. Check that the CA file is the one the city platform&apos;s administrator gave you, and the city platform address.</source>
        <translation>市级平台的安全证书未通过验证，未发送任何内容。请确认CA文件是市级平台管理员提供的那一个，并检查市级平台地址。</translation>
    </message>
    <message>
        <source>The city platform address must start with https://. The workstation never sends passwords over plain http.</source>
        <translation>市级平台地址必须以 https:// 开头。工作站绝不通过未加密的 http 发送密码。</translation>
    </message>
    <message>
        <source>The city platform address is not right.</source>
        <translation>市级平台地址不正确。</translation>
    </message>
    <message>
        <source>The city platform is busy, or has paused sign-ins for this account after wrong passwords. Wait a minute and try again.</source>
        <translation>市级平台繁忙，或因多次密码错误暂停了此账号的登录。请稍等一分钟后重试。</translation>
    </message>
    <message>
        <source>The city platform could not complete the sign-in.</source>
        <translation>市级平台未能完成登录。</translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>The ID number is valid.</source>
        <translation>身份证号有效。</translation>
    </message>
    <message>
        <source>The ID number has %1 characters; it must have 18. Check for a missing or extra digit.</source>
        <translation>身份证号为%1位，应为18位。请检查是否漏输或多输了数字。</translation>
    </message>
    <message>
        <source>The ID number may hold only digits, and X as the last character. Check for letters or spaces.</source>
        <translation>身份证号只能由数字组成，最后一位可以是X。请检查是否混入了字母或空格。</translation>
    </message>
    <message>
        <source>Characters 7 to 14 of the ID number are not a real birth date (YYYYMMDD). Check the date digits.</source>
        <translation>身份证号第7至14位不是有效的出生日期（YYYYMMDD）。请检查日期数字。</translation>
    </message>
    <message>
        <source>The last character of the ID number does not match the others (check character). One digit is probably mistyped.</source>
        <translation>身份证号最后一位（校验码）与前17位不符，可能有一位数字输错。</translation>
    </message>
</context>
<context>
    <name>IdRevealer</name>
    <message>
        <source>Check the identity against a document</source>
        <translation>与证件核对身份</translation>
    </message>
    <message>
        <source>The family asked about the application</source>
        <translation>家庭询问申请情况</translation>
    </message>
    <message>
        <source>The family is at the counter</source>
        <translation>家庭在窗口现场</translation>
    </message>
    <message>
        <source>An agency record does not match</source>
        <translation>部门记录不一致</translation>
    </message>
    <message>
        <source>A supervisor asked</source>
        <translation>督导要求查看</translation>
    </message>
    <message>
        <source>Choose why you need to see the ID number.</source>
        <translation>请选择需要查看身份证号的原因。</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>The passphrase is empty. Choose a passphrase of at least 8 characters.</source>
        <translation>口令为空。请设置至少8个字符的口令。</translation>
    </message>
    <message>
        <source>The passphrase is too short. Use at least 8 characters; a few words are easy to remember and hard to guess.</source>
        <translation>口令太短。请至少使用8个字符；由几个词组成的口令好记又难猜。</translation>
    </message>
    <message>
        <source>A user name may hold only letters, digits, dot, dash and underscore (for example liu.fang).</source>
        <translation>用户名只能包含字母、数字、点、连字符和下划线（例如 liu.fang）。</translation>
    </message>
    <message>
        <source>This data folder has no workstation set up yet. Run &quot;admissionsctl init&quot; first.</source>
        <translation>此数据文件夹中尚未初始化工作站。请先运行“admissionsctl init”。</translation>
    </message>
    <message>
        <source>The key file cannot be read: %1</source>
        <translation>无法读取密钥文件：%1</translation>
    </message>
    <message>
        <source>The key file %1 is damaged or from another program. Restore it from a backup.</source>
        <translation>密钥文件%1已损坏或属于其他程序。请从备份中恢复。</translation>
    </message>
    <message>
        <source>The key file %1 lists no users. Restore it from a backup.</source>
        <translation>密钥文件%1中没有任何用户。请从备份中恢复。</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot; on this workstation. Check the name, or ask an administrator to add you.</source>
        <translation>本工作站上没有用户“%1”。请检查用户名，或请管理员添加您。</translation>
    </message>
    <message>
        <source>The key file entry of user &quot;%1&quot; is damaged. Restore keys.json from a backup.</source>
        <translation>密钥文件中用户“%1”的条目已损坏。请从备份中恢复 keys.json。</translation>
    </message>
    <message>
        <source>The passphrase is not right. Check the keyboard layout and Caps Lock, and try again.</source>
        <translation>口令不正确。请检查键盘布局和大写锁定键（Caps Lock）后重试。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role. Choose one of: clerk, reviewer, principal, supervisor.</source>
        <translation>“%1”不是有效的角色。请从以下角色中选择：clerk、reviewer、principal、supervisor。</translation>
    </message>
    <message>
        <source>A user named &quot;%1&quot; already exists.</source>
        <translation>用户“%1”已存在。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入%1：%2</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>有标记</translation>
    </message>
    <message>
        <source>Information requested</source>
        <translation>待补充材料</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未核验</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Duplicate application</source>
        <translation>重复申请</translation>
    </message>
    <message>
        <source>Shared property</source>
        <translation>房产被多户使用</translation>
    </message>
    <message>
        <source>Property cancelled or sealed</source>
        <translation>房产已注销或查封</translation>
    </message>
    <message>
        <source>Guardian not linked</source>
        <translation>监护关系无法核实</translation>
    </message>
    <message>
        <source>Category differs from claim</source>
        <translation>类别与申报不符</translation>
    </message>
    <message>
        <source>Over age</source>
        <translation>超龄</translation>
    </message>
    <message>
        <source>Address matched loosely</source>
        <translation>地址匹配不确定</translation>
    </message>
    <message>
        <source>Record missing</source>
        <translation>缺少部门记录</translation>
    </message>
    <message>
        <source>Under age</source>
        <translation>未到入学年龄</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>户籍</translation>
    </message>
    <message>
        <source>Real-estate registration</source>
        <translation>不动产登记</translation>
    </message>
    <message>
        <source>Housing sale contract</source>
        <translation>商品房网签合同</translation>
    </message>
    <message>
        <source>Rental filing</source>
        <translation>房屋租赁备案</translation>
    </message>
    <message>
        <source>Social insurance</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <source>Individual business</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>Enterprise legal person</source>
        <translation>企业法人</translation>
    </message>
    <message>
        <source>Marriage registration</source>
        <translation>婚姻登记</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>居住证</translation>
    </message>
    <message>
        <source>Public security bureau</source>
        <translation>公安局</translation>
    </message>
    <message>
        <source>Natural resources bureau</source>
        <translation>自然资源和规划局</translation>
    </message>
    <message>
        <source>Housing bureau</source>
        <translation>住房和城乡建设局</translation>
    </message>
    <message>
        <source>Human resources and social security bureau</source>
        <translation>人力资源和社会保障局</translation>
    </message>
    <message>
        <source>Market regulation bureau</source>
        <translation>市场监督管理局</translation>
    </message>
    <message>
        <source>Civil affairs bureau</source>
        <translation>民政局</translation>
    </message>
    <message>
        <source>Admission policy</source>
        <translation>招生政策</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Property in the zone</source>
        <translation>学区内房产</translation>
    </message>
    <message>
        <source>Urban household registration</source>
        <translation>城区户籍</translation>
    </message>
    <message>
        <source>Residence in the zone</source>
        <translation>学区内居住</translation>
    </message>
    <message>
        <source>Work in the city</source>
        <translation>在本市就业</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Request information</source>
        <translation>要求补充材料</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>父亲</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>母亲</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母/外祖父母</translation>
    </message>
    <message>
        <source>Other guardian</source>
        <translation>其他监护人</translation>
    </message>
    <message>
        <source>Approval waiting to be sent</source>
        <translation>通过决定待上传</translation>
    </message>
    <message>
        <source>Rejection waiting to be sent</source>
        <translation>驳回决定待上传</translation>
    </message>
    <message>
        <source>Request waiting to be sent</source>
        <translation>补充材料要求待上传</translation>
    </message>
    <message>
        <source>%1 y %2 m</source>
        <translation>%1岁%2个月</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书号</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Filing number</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <source>Permit number</source>
        <translation>居住证号</translation>
    </message>
    <message>
        <source>Household number</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Cancelled on</source>
        <translation>注销日期</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>City code</source>
        <translation>城市代码</translation>
    </message>
    <message>
        <source>Paid months</source>
        <translation>缴费月数</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>权利人</translation>
    </message>
    <message>
        <source>Address match</source>
        <translation>地址匹配</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>注册号</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>mortgaged</source>
        <translation>已抵押</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>已查封</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <source>active</source>
        <translation>存续</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>married</source>
        <translation>已婚</translation>
    </message>
    <message>
        <source>divorced</source>
        <translation>离婚</translation>
    </message>
    <message>
        <source>residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>commercial</source>
        <translation>商业</translation>
    </message>
    <message>
        <source>child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>权利人</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>份额</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>买受人</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>承租人</translation>
    </message>
    <message>
        <source>Spouses</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>经营者</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Property in the school&apos;s zone, and the child has urban household registration.</source>
        <translation>房产在本校学区内，且儿童为城区户籍。</translation>
    </message>
    <message>
        <source>Property in the school&apos;s zone, without urban household registration.</source>
        <translation>房产在本校学区内，非城区户籍。</translation>
    </message>
    <message>
        <source>No property in the zone: residence in the zone and work in the city.</source>
        <translation>在学区内无房产：在学区内居住并在本市就业。</translation>
    </message>
    <message>
        <source>Not eligible for this school by the automatic check: a person decides.</source>
        <translation>自动核验结果为不符合本校入学条件：由人工决定。</translation>
    </message>
    <message>
        <source>Red: the child is not eligible, or the property is gone.</source>
        <translation>红色：儿童不符合条件，或房产已失效。</translation>
    </message>
    <message>
        <source>Amber: a person must look.</source>
        <translation>橙色：须人工查看。</translation>
    </message>
    <message>
        <source>Blue: worth a glance.</source>
        <translation>蓝色：建议留意。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Help → Legend explains every code and colour.</source>
        <translation>“帮助 → 图例”中说明了所有代码和颜色。</translation>
    </message>
    <message>
        <source>Help → Legend lists every flag.</source>
        <translation>“帮助 → 图例”中列出了所有标记。</translation>
    </message>
    <message>
        <source>Returned by the principal</source>
        <translation>校长退回</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Only a local user with a role (counter clerk, admissions officer, principal or bureau supervisor) may read the queues.</source>
        <translation>只有具有角色（窗口受理员、招生审核员、校长或教育局督导）的本机用户才能查看队列。</translation>
    </message>
    <message>
        <source>Only a bureau supervisor may read every school of a district or of the city.</source>
        <translation>只有教育局督导才能查看一个区县或全市所有学校的申请。</translation>
    </message>
    <message>
        <source>Only an admissions officer (reviewer) may decide on an application, or a principal where the school allows it.</source>
        <translation>只有招生审核员才能对申请作出审核决定；如学校允许，校长也可以。</translation>
    </message>
    <message>
        <source>Only an admissions officer (reviewer) may ask a family for information, or a principal where the school allows it.</source>
        <translation>只有招生审核员才能要求家庭补充材料；如学校允许，校长也可以。</translation>
    </message>
    <message>
        <source>Only an admissions officer (reviewer) may take back a decision, or a principal where the school allows it.</source>
        <translation>只有招生审核员才能撤回审核决定；如学校允许，校长也可以。</translation>
    </message>
    <message>
        <source>Only a local user with a role may see a full ID number, and only with a reason.</source>
        <translation>只有具有角色的本机用户才能查看完整身份证号，且须说明原因。</translation>
    </message>
    <message>
        <source>No one may see a full ID number without a reason: choose why you need it.</source>
        <translation>任何人都不能在不说明原因的情况下查看完整身份证号：请选择查看原因。</translation>
    </message>
    <message>
        <source>Only a principal may sign off a batch of decisions.</source>
        <translation>只有校长才能签批一批审核决定。</translation>
    </message>
    <message>
        <source>You are signed in as %1, who may not do this. %2</source>
        <translation>您当前以%1身份登录，无权执行此操作。%2</translation>
    </message>
    <message>
        <source>This school does not let its principal decide; an administrator can allow it with &quot;admissionsctl settings principal-decides on&quot;.</source>
        <translation>本校不允许校长作出审核决定；管理员可运行“admissionsctl settings principal-decides on”予以允许。</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>This local user&apos;s role is %1, but the hub account %2 has the role %3. Sign in with a hub account of the same role, or ask an administrator for a local user whose role matches the account (admissionsctl users add).</source>
        <translation>此本机用户的角色为%1，但市级平台账号%2的角色为%3。请使用角色相同的市级平台账号登录，或请管理员添加一个与该账号角色相符的本机用户（admissionsctl users add）。</translation>
    </message>
    <message>
        <source>Only a counter clerk, an admissions officer or a principal may enter applications at the counter; a supervisor may not.</source>
        <translation>只有窗口受理员、招生审核员或校长可以在窗口录入申请；督导员不可以。</translation>
    </message>
    <message>
        <source>Only a bureau supervisor (its district or the city) or a principal (the school) may open the dashboards.</source>
        <translation>只有教育局督导（本区县或全市）或校长（本校）才能打开统计看板。</translation>
    </message>
</context>
<context>
    <name>PublicNotice</name>
    <message>
        <source>Cannot write the public notice to %1: %2. Choose another file and try again.</source>
        <translation>无法将公示名单写入 %1：%2。请另选文件后重试。</translation>
    </message>
    <message>
        <source>The public notice cannot be started: check the printer or the file.</source>
        <translation>无法开始生成公示名单：请检查打印机或文件。</translation>
    </message>
    <message>
        <source>A page of the public notice could not be added.</source>
        <translation>无法为公示名单添加新页。</translation>
    </message>
    <message>
        <source>The public notice could not be finished.</source>
        <translation>公示名单未能完成。</translation>
    </message>
    <message>
        <source>this is not a file name</source>
        <translation>这不是文件名</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>the file cannot be opened or written</source>
        <translation>文件无法打开或写入</translation>
    </message>
    <message>
        <source>the file was not written</source>
        <translation>文件未写入</translation>
    </message>
    <message>
        <source>There is no batch %1 on this workstation.</source>
        <translation>本工作站上没有批次 %1。</translation>
    </message>
    <message>
        <source>Batch %1 is not signed yet: only a signed batch has a public notice. Sign it first (admissionsctl batch sign %1).</source>
        <translation>批次 %1 尚未签署：只有已签署的批次才有公示名单。请先签署（admissionsctl batch sign %1）。</translation>
    </message>
    <message>
        <source>The city platform did not take batch %1 (%2): its decisions were not applied, so it has no public notice. Print the notice of the batch signed in its place.</source>
        <translation>市级平台未接受批次 %1（%2）：其决定未生效，因此没有公示名单。请打印替代它签署的批次的公示名单。</translation>
    </message>
    <message>
        <source>The signature of batch %1 does not verify with its key on this workstation: no notice is printed of it.</source>
        <translation>批次 %1 的签名无法用本工作站上的密钥验证：不为其打印公示名单。</translation>
    </message>
    <message>
        <source>Batch %1 admits no one (it holds only rejections): there is no public notice of it.</source>
        <translation>批次 %1 没有录取任何人（只含不予录取的决定）：没有公示名单。</translation>
    </message>
    <message>
        <source>Application %1 of batch %2 is not in the cache any more: sync, then print the notice again.</source>
        <translation>批次 %2 中的申请 %1 已不在缓存中：请同步后再打印公示名单。</translation>
    </message>
</context>
<context>
    <name>QueueExport</name>
    <message>
        <source>Number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>申报类别</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>核验类别</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>队列：%1</translation>
    </message>
    <message>
        <source>School: %1</source>
        <translation>学校：%1</translation>
    </message>
    <message>
        <source>Checked category: %1</source>
        <translation>核验类别：%1</translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation>标记：%1</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>渠道：%1</translation>
    </message>
    <message>
        <source>Submitted %1 to %2</source>
        <translation>提交时间：%1至%2</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>No filters</source>
        <translation>无筛选条件</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>导出时间：%1</translation>
    </message>
    <message>
        <source>A report the education bureau asked for</source>
        <translation>教育局要求的报表</translation>
    </message>
    <message>
        <source>The enrolment list for the school</source>
        <translation>学校的录取名单</translation>
    </message>
    <message>
        <source>A supervisor asked</source>
        <translation>督导要求</translation>
    </message>
    <message>
        <source>Correcting data with an agency</source>
        <translation>与相关部门核对更正数据</translation>
    </message>
    <message>
        <source>Choose why the export needs full ID numbers.</source>
        <translation>请选择导出完整身份证号的原因。</translation>
    </message>
    <message>
        <source>Cannot write %1. Choose another folder.</source>
        <translation>无法写入%1。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another folder, or free some space.</source>
        <translation>无法写入%1：%2。请选择其他文件夹，或释放部分磁盘空间。</translation>
    </message>
    <message>
        <source>the file cannot be created</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>the file was not written</source>
        <translation>文件未写入</translation>
    </message>
    <message>
        <source>The pages cannot be started: check the printer or the file.</source>
        <translation>无法开始输出页面：请检查打印机或文件。</translation>
    </message>
    <message>
        <source>A new page cannot be started.</source>
        <translation>无法开始新的一页。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第%1页，共%2页</translation>
    </message>
    <message>
        <source>The pages could not be finished.</source>
        <translation>无法完成页面输出。</translation>
    </message>
    <message>
        <source>District %1</source>
        <translation>区县 %1</translation>
    </message>
    <message>
        <source>Decisions by %1 that override the check</source>
        <translation>%1 作出的、推翻自动核验的决定</translation>
    </message>
    <message>
        <source>Decisions by %1</source>
        <translation>%1 作出的决定</translation>
    </message>
    <message>
        <source>Decisions that override the check</source>
        <translation>推翻自动核验的决定</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Counter clerk</source>
        <translation>窗口受理员</translation>
    </message>
    <message>
        <source>Admissions officer</source>
        <translation>招生审核员</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <source>Bureau supervisor</source>
        <translation>教育局督导</translation>
    </message>
</context>
<context>
    <name>SchoolSettingsStore</name>
    <message>
        <source>There is no school %1 on this workstation. Check the id, or sync to receive it.</source>
        <translation>本工作站上没有学校%1。请核对学校ID，或进行同步以获取该学校。</translation>
    </message>
</context>
<context>
    <name>SignOffPrompter</name>
    <message numerus="yes">
        <source>You are signing &quot;%1&quot;: %n decision(s). Your signature is checked with the key whose fingerprint is
%2
Type your passphrase to sign.</source>
        <translation>
            <numerusform>您正在签署“%1”：%n 项决定。您的签名将用指纹为
%2
的密钥核验。请输入您的口令以签署。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the signed batch to</source>
        <translation>将已签署的批次导出到</translation>
    </message>
    <message>
        <source>Save the public notice as</source>
        <translation>公示名单另存为</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <source>&quot;%1&quot; is not a scope this workstation holds: give the city (%2), the code of a district it holds schools of, or the id of a school.</source>
        <translation>“%1”不是本工作站持有的范围：请给出全市（%2）、本工作站持有其学校的区县代码，或学校编号。</translation>
    </message>
    <message numerus="yes">
        <source>This workstation holds the applications of %n school(s); say which with --scope SCHOOL.</source>
        <translation>
            <numerusform>本工作站持有 %n 所学校的申请；请用 --scope SCHOOL 指定学校。</numerusform>
        </translation>
    </message>
    <message>
        <source>A principal reads the figures of the school, not of a district or the city: say the school with --scope SCHOOL.</source>
        <translation>校长只能查看本校的数据，不能查看区县或全市：请用 --scope SCHOOL 指定学校。</translation>
    </message>
    <message>
        <source>You are signed in as %1, who may not read the supervision figures. A bureau supervisor reads those of its district or the city, a principal those of the school.</source>
        <translation>您以 %1 身份登录，无权查看督导数据。教育局督导员查看其区县或全市的数据，校长查看本校的数据。</translation>
    </message>
</context>
<context>
    <name>SupervisionCharts</name>
    <message>
        <source>Applications submitted and decided, cumulative</source>
        <translation>累计提交与已决定的申请</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Decided (approved or rejected)</source>
        <translation>已决定（通过或驳回）</translation>
    </message>
    <message numerus="yes">
        <source>Checked category of the %n school(s) with the most applications</source>
        <translation>
            <numerusform>申请最多的 %n 所学校的核查类别</numerusform>
        </translation>
    </message>
    <message>
        <source>Online and at the counter, per district</source>
        <translation>各区网上申请与窗口申请</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>%1 % online</source>
        <translation>网上 %1 %</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>district: online share</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Override rate per officer (%)</source>
        <translation>各审核员推翻率（%）</translation>
    </message>
    <message>
        <source>Override rate</source>
        <translation>推翻率</translation>
    </message>
    <message>
        <source>Stands out</source>
        <translation>异常</translation>
    </message>
</context>
<context>
    <name>SupervisionReportPdf</name>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
    <message>
        <source>Supervision report: %1</source>
        <translation>监管报告：%1</translation>
    </message>
    <message>
        <source>Figures generated at %1 · report written at %2 · scope code %3</source>
        <translation>数据生成于 %1 · 报告写于 %2 · 范围代码 %3</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Seats and channels</source>
        <translation>学位与渠道</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Cannot write %1. Choose another folder, or free some space.</source>
        <translation>无法写入 %1。请选择其他文件夹，或腾出磁盘空间。</translation>
    </message>
</context>
<context>
    <name>SupervisionTables</name>
    <message>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Awaiting a decision</source>
        <translation>待决定</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Information requested</source>
        <translation>已要求补充材料</translation>
    </message>
    <message>
        <source>Information past its due date</source>
        <translation>补充材料已逾期</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Decisions waiting to be sent</source>
        <translation>待发送的决定</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another folder, or free some space.</source>
        <translation>无法写入 %1：%2。请选择其他文件夹，或腾出磁盘空间。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>City %1</source>
        <translation>全市 %1</translation>
    </message>
    <message>
        <source>District %1</source>
        <translation>区县 %1</translation>
    </message>
    <message>
        <source>School %1</source>
        <translation>学校 %1</translation>
    </message>
    <message>
        <source>School %1 (%2)</source>
        <translation>学校 %1（%2）</translation>
    </message>
    <message>
        <source>Progress per day</source>
        <translation>每日进度</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Information requests</source>
        <translation>补充材料要求</translation>
    </message>
    <message>
        <source>Submitted in all</source>
        <translation>累计提交</translation>
    </message>
    <message>
        <source>Decided in all</source>
        <translation>累计决定</translation>
    </message>
    <message>
        <source>Seats per district</source>
        <translation>各区学位</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Schools</source>
        <translation>学校数</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>学位数</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>已占比例</translation>
    </message>
    <message>
        <source>Seats per school</source>
        <translation>各校学位</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Over capacity by</source>
        <translation>超出学位</translation>
    </message>
    <message>
        <source>Checked category per school</source>
        <translation>各校核查类别</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A类</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B类</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C类</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未核查</translation>
    </message>
    <message>
        <source>Channels per district</source>
        <translation>各区申请渠道</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Online share</source>
        <translation>网上占比</translation>
    </message>
    <message>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Quality per school</source>
        <translation>各校审核质量</translation>
    </message>
    <message>
        <source>With a flag</source>
        <translation>有标记</translation>
    </message>
    <message>
        <source>Median time to decision</source>
        <translation>决定用时中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>第90百分位</translation>
    </message>
    <message>
        <source>Last decision</source>
        <translation>最近决定</translation>
    </message>
    <message numerus="yes">
        <source>Schools without a decision for %n day(s)</source>
        <translation>
            <numerusform>%n 天以上无决定的学校</numerusform>
        </translation>
    </message>
    <message>
        <source>Days without a decision</source>
        <translation>无决定天数</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Officer account</source>
        <translation>审核员账号</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Rejections</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>推翻自动核查</translation>
    </message>
    <message>
        <source>Override rate</source>
        <translation>推翻率</translation>
    </message>
    <message>
        <source>Robust z</source>
        <translation>稳健 z 值</translation>
    </message>
    <message>
        <source>Stands out</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>(no hub account)</source>
        <translation>（无平台账号）</translation>
    </message>
    <message numerus="yes">
        <source>An officer stands out when |robust z| &gt; %1, with z = 0.6745 (rate − median) / MAD over the officers with at least %n approval(s) and rejection(s).</source>
        <translation>
            <numerusform>当 |稳健 z| &gt; %1 时审核员被视为异常，z = 0.6745 ×（推翻率 − 中位数）/ MAD，统计范围为通过与驳回合计至少 %n 件的审核员。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fewer than %1 such officers here (%2): no one is measured.</source>
        <translation>此范围内此类审核员少于 %1 人（%2 人）：不作衡量。</translation>
    </message>
    <message numerus="yes">
        <source>Here: %n officer(s), median override rate %1, MAD %2.</source>
        <translation>
            <numerusform>此处：%n 名审核员，推翻率中位数 %1，MAD %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>The MAD is 0, so the mean absolute deviation stands in.</source>
        <translation>MAD 为 0，改用平均绝对偏差。</translation>
    </message>
    <message>
        <source>the file cannot be created</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>Choose a file ending in .csv or .xlsx.</source>
        <translation>请选择以 .csv 或 .xlsx 结尾的文件。</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the matching queue.</source>
        <translation>双击或按回车键打开对应的队列。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>There is no application %1 on this workstation. Check the number, or sync to receive it.</source>
        <translation>本工作站上没有申请%1。请核对申请编号，或进行同步以获取该申请。</translation>
    </message>
    <message>
        <source>Say what the decision is: approve, reject or request information.</source>
        <translation>请指明审核决定：通过、驳回或要求补充材料。</translation>
    </message>
    <message>
        <source>Application %1 is %2 and cannot be decided on. If a decision of yours came back as a conflict, drop it.</source>
        <translation>申请%1的状态为%2，无法作出审核决定。如果您的决定已作为冲突退回，请放弃该决定。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters; shorten it.</source>
        <translation>备注超过%1个字符，请精简。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a standard reason for this decision. Use one of: %2.</source>
        <translation>“%1”不是此类审核决定的标准原因。请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>The reason &quot;other&quot; needs a note saying what it is.</source>
        <translation>原因为“other”（其他）时，须在备注中写明具体原因。</translation>
    </message>
    <message>
        <source>Say in which category the child is admitted: A, B or C.</source>
        <translation>请指明儿童的录取类别：A、B或C。</translation>
    </message>
    <message>
        <source>The automatic check has no category for this application, so an approval needs a standard reason (for example verified_on_paper).</source>
        <translation>自动核验未得出该申请的类别，因此通过时须填写标准原因（例如 verified_on_paper）。</translation>
    </message>
    <message>
        <source>The automatic check found category %1; approving in category %2 needs a standard reason (for example category_override).</source>
        <translation>自动核验结果为%1类；按%2类通过须填写标准原因（例如 category_override）。</translation>
    </message>
    <message>
        <source>A category goes only with an approval.</source>
        <translation>只有“通过”决定才能指定类别。</translation>
    </message>
    <message>
        <source>A rejection needs a standard reason, so that the family can be told why. Use one of: %1.</source>
        <translation>驳回须填写标准原因，以便告知家庭驳回理由。请使用以下之一：%1。</translation>
    </message>
    <message>
        <source>A request for information needs a note saying what the family must bring or explain.</source>
        <translation>要求补充材料时，须在备注中写明家庭需提交或说明的内容。</translation>
    </message>
    <message>
        <source>An earlier decision on %1 was sent and its answer has not arrived. Sync, then decide again if needed.</source>
        <translation>此前对%1作出的审核决定已发送，但尚未收到答复。请先同步，如有需要再重新决定。</translation>
    </message>
    <message>
        <source>Application %1 changed upstream (version %2; this workstation has %3). Sync to see what changed, then decide again.</source>
        <translation>申请%1已在市级平台变更（版本%2，本工作站为版本%3）。请同步查看变更内容，然后重新决定。</translation>
    </message>
    <message>
        <source>There is no open outbox item %1.</source>
        <translation>没有未完成的待上传条目%1。</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>无法读取CA文件%1：%2</translation>
    </message>
    <message>
        <source>The sync was cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>handshake refused</source>
        <translation>握手被拒绝</translation>
    </message>
    <message>
        <source>Trying again in %1 s (attempt %2): %3</source>
        <translation>%1秒后重试（第%2次尝试）：%3</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>正在登录</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>正在接收</translation>
    </message>
    <message>
        <source>Checking eligibility</source>
        <translation>正在核验资格</translation>
    </message>
    <message>
        <source>The family needs at least a day: choose a due date after today (%1).</source>
        <translation>须给家庭留出至少一天时间：请选择今天（%1）之后的截止日期。</translation>
    </message>
    <message>
        <source>A due date goes only with a request for information.</source>
        <translation>只有“要求补充材料”决定才能指定截止日期。</translation>
    </message>
    <message>
        <source>Item %1 was sent and its answer has not arrived; the city platform may already have it. Sync first.</source>
        <translation>条目%1已发送，但尚未收到答复；市级平台可能已收到该条目。请先同步。</translation>
    </message>
    <message>
        <source>The city platform address %1 is plain HTTP. The workstation only talks to the city platform over HTTPS; use the https:// address the city platform&apos;s administrator gave you.</source>
        <translation>市级平台地址%1使用的是未加密的HTTP。工作站只通过HTTPS与市级平台通信；请使用市级平台管理员提供的 https:// 地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a city platform address. Give it as https://HOST:PORT, for example https://hub.example.org:8443.</source>
        <translation>“%1”不是有效的市级平台地址。请按 https://HOST:PORT 格式填写，例如 https://hub.example.org:8443。</translation>
    </message>
    <message>
        <source>The city platform address %1 must not carry a user name, a query or a fragment; give it as https://HOST:PORT.</source>
        <translation>市级平台地址%1中不得包含用户名、查询参数或片段；请按 https://HOST:PORT 格式填写。</translation>
    </message>
    <message>
        <source>The CA file holds no PEM certificate. Use the ca.pem file the city platform wrote.</source>
        <translation>CA文件中没有PEM证书。请使用市级平台生成的 ca.pem 文件。</translation>
    </message>
    <message>
        <source>The CA file holds a damaged certificate. Copy ca.pem from the city platform again.</source>
        <translation>CA文件中的证书已损坏。请重新从市级平台复制 ca.pem。</translation>
    </message>
    <message>
        <source>The CA certificate expired on %1. Ask the city platform&apos;s administrator for the current ca.pem.</source>
        <translation>CA证书已于%1过期。请向市级平台管理员索取当前的 ca.pem。</translation>
    </message>
    <message>
        <source>This workstation is not connected to a city platform yet. An administrator connects it with: admissionsctl connect --hub URL --ca FILE</source>
        <translation>本工作站尚未接入市级平台。请由管理员执行以下命令接入：admissionsctl connect --hub URL --ca FILE</translation>
    </message>
    <message>
        <source>The city platform sent a change of a kind of data the contract does not list (change %1, entity &quot;%2&quot;; the contract knows policy, school, zone, application and agency_record). The pull stopped before its page, so nothing of that page was applied; what earlier pages brought stays in the cache. Tell the city platform&apos;s administrator; if the city platform follows a newer contract, this workstation needs an update.</source>
        <translation>市级平台发来一条接口约定未列出的数据类型的变更（变更 %1，类型“%2”；约定只包括 policy、school、zone、application 和 agency_record）。拉取在该页之前停止，该页的内容均未应用；之前各页带来的数据仍保留在缓存中。请告知市级平台的管理员；如果平台遵循的是更新版本的约定，本工作站需要升级。</translation>
    </message>
    <message>
        <source>The city platform answered %1 times in a row that more changes follow, but sent the pull back to a place it had already been instead of moving on, so the pull stopped. What earlier pages brought stays in the cache, and the next sync goes on from there. If this happens again, tell the city platform&apos;s administrator: its change feed is stuck.</source>
        <translation>市级平台连续 %1 次答复还有更多变更，却把拉取送回已经到过的位置而没有前进，因此拉取已停止。之前各页带来的数据仍保留在缓存中，下次同步将从那里继续。如再次发生，请告知市级平台的管理员：其变更流卡住了。</translation>
    </message>
    <message>
        <source>The city platform sent %1 pages in a row without a single change while saying that more follow, so the pull stopped. What earlier pages brought stays in the cache, and the next sync goes on from there. If this happens again, tell the city platform&apos;s administrator: its change feed does not advance.</source>
        <translation>市级平台连续发来 %1 页没有任何变更的应答，却仍表示还有更多，因此拉取已停止。之前各页带来的数据仍保留在缓存中，下次同步将从那里继续。如再次发生，请告知市级平台的管理员：其变更流没有前进。</translation>
    </message>
    <message>
        <source>The city platform at %1 showed a certificate that the certificate authority trusted for it (the CA file given when the workstation was connected) did not sign, so the connection was refused. If the city platform was set up again, an administrator connects the workstation again with the city platform&apos;s new ca.pem (admissionsctl connect --hub URL --ca FILE); otherwise tell your administrator: someone may be intercepting the connection.</source>
        <translation>位于%1的市级平台出示的证书不是由本工作站为其信任的证书颁发机构（即接入工作站时指定的CA文件）签发的，因此已拒绝连接。如果市级平台已重新部署，请由管理员使用其新的 ca.pem 重新接入本工作站（admissionsctl connect --hub URL --ca FILE）；否则请告知管理员：连接可能正遭到他人拦截。</translation>
    </message>
    <message>
        <source>The city platform&apos;s certificate expired on %1, so the connection was refused. Ask the city platform&apos;s administrator to renew it; also check that this computer&apos;s date is right.</source>
        <translation>市级平台的证书已于%1过期，因此已拒绝连接。请联系市级平台管理员更新证书，并检查本机日期是否正确。</translation>
    </message>
    <message>
        <source>The city platform&apos;s certificate is only valid from %1, so the connection was refused. Check this computer&apos;s date and time.</source>
        <translation>市级平台的证书自%1起才生效，因此已拒绝连接。请检查本机的日期和时间。</translation>
    </message>
    <message>
        <source>The city platform&apos;s certificate is made out to %1, not to %2, so the connection was refused. Connect with the address the certificate names, or ask the city platform&apos;s administrator for a certificate for this address.</source>
        <translation>市级平台的证书是签发给%1的，而不是%2，因此已拒绝连接。请使用证书中载明的地址连接，或请市级平台管理员为此地址签发证书。</translation>
    </message>
    <message>
        <source>The secure connection to the city platform at %1 failed (%2). The city platform must offer TLS 1.2 or later with a certificate from the enrolled authority; ask its administrator.</source>
        <translation>与位于%1的市级平台建立安全连接失败（%2）。市级平台须支持TLS 1.2或更高版本，并使用接入时指定的证书颁发机构签发的证书；请联系其管理员。</translation>
    </message>
    <message>
        <source>The city platform at %1 did not answer within %2 s. The workstation will try again; if this goes on, check the network or ask the city platform&apos;s administrator.</source>
        <translation>位于%1的市级平台在%2秒内未响应。工作站将自动重试；如果问题持续，请检查网络或联系市级平台管理员。</translation>
    </message>
    <message>
        <source>The city platform&apos;s host name %1 cannot be found. Check the network connection and the city platform address; the workstation works on offline meanwhile.</source>
        <translation>找不到市级平台的主机名%1。请检查网络连接和市级平台地址；在此期间工作站可继续离线工作。</translation>
    </message>
    <message>
        <source>The city platform at %1 refused the connection: it may be stopped. The workstation works on offline and tries again later.</source>
        <translation>位于%1的市级平台拒绝了连接，可能已停止运行。工作站将继续离线工作，稍后重试。</translation>
    </message>
    <message>
        <source>The city platform at %1 sent the request elsewhere; the workstation does not follow redirections. Check the city platform address.</source>
        <translation>位于%1的市级平台将请求重定向到其他地址；工作站不跟随重定向。请检查市级平台地址。</translation>
    </message>
    <message>
        <source>The connection to the city platform at %1 failed (%2). The workstation works on offline and tries again later.</source>
        <translation>连接位于%1的市级平台失败（%2）。工作站将继续离线工作，稍后重试。</translation>
    </message>
    <message>
        <source>The city platform announced an answer of %1 MB to %2, more than the %3 MB this workstation accepts, so it was not read. What earlier pages brought stays in the cache. Sync with a smaller page size (admissionsctl sync --page-size) or a larger limit (--max-page-mb); if it happens again, tell the city platform&apos;s administrator.</source>
        <translation>市级平台声明对 %2 的应答有 %1 MB，超过本工作站接受的 %3 MB，因此未读取。之前各页带来的数据仍保留在缓存中。请用较小的每页变更数（admissionsctl sync --page-size）或较大的上限（--max-page-mb）重新同步；如再次发生，请告知市级平台的管理员。</translation>
    </message>
    <message>
        <source>The city platform&apos;s answer to %1 grew past the %2 MB this workstation accepts, so the rest of it was not read. What earlier pages brought stays in the cache. Sync with a smaller page size (admissionsctl sync --page-size) or a larger limit (--max-page-mb); if it happens again, tell the city platform&apos;s administrator.</source>
        <translation>市级平台对 %1 的应答超过了本工作站接受的 %2 MB，其余部分未读取。之前各页带来的数据仍保留在缓存中。请用较小的每页变更数（admissionsctl sync --page-size）或较大的上限（--max-page-mb）重新同步；如再次发生，请告知市级平台的管理员。</translation>
    </message>
    <message>
        <source>The city platform address is not HTTPS; nothing was sent. An administrator connects the workstation again with the city platform&apos;s https:// address.</source>
        <translation>市级平台地址不是HTTPS，未发送任何数据。请由管理员使用市级平台的 https:// 地址重新接入本工作站。</translation>
    </message>
    <message>
        <source>The city platform&apos;s answer was not HTTP.</source>
        <translation>市级平台的响应不是HTTP格式。</translation>
    </message>
    <message>
        <source>The city platform&apos;s answer to %1 was not valid JSON (%2 bytes).</source>
        <translation>市级平台对%1的响应不是有效的JSON（%2字节）。</translation>
    </message>
    <message>
        <source>The city platform could not be reached.</source>
        <translation>无法连接市级平台。</translation>
    </message>
    <message>
        <source>The city platform refused the session right after a new sign-in (%1). Ask the city platform&apos;s administrator to check the account.</source>
        <translation>刚重新登录后，市级平台即拒绝了会话（%1）。请市级平台管理员检查该账号。</translation>
    </message>
    <message>
        <source>The city platform ended the session of %1. Sign in to the city platform again with its password to go on syncing.</source>
        <translation>市级平台已结束 %1 的会话。请用平台密码重新登录，以继续同步。</translation>
    </message>
    <message>
        <source>The city platform is busy or failing (HTTP %1: %2). The next sync tries again.</source>
        <translation>市级平台繁忙或出现故障（HTTP %1：%2）。下次同步时将重试。</translation>
    </message>
    <message>
        <source>The city platform asked to wait %1 s before trying again; the next sync will try.</source>
        <translation>市级平台要求等待%1秒后再试；下次同步时将重试。</translation>
    </message>
    <message>
        <source>No city platform account is set for this user. Sign in once with: admissionsctl login --account ACCOUNT</source>
        <translation>该用户尚未设置市级平台账号。请先登录一次：admissionsctl login --account ACCOUNT</translation>
    </message>
    <message>
        <source>The city platform needs the password of %1 again to sign in.</source>
        <translation>需要再次输入 %1 的市级平台密码才能登录。</translation>
    </message>
    <message>
        <source>The city platform refused the sign-in of %1 (%2). Check the account name and the password.</source>
        <translation>市级平台拒绝了%1的登录（%2）。请检查账号和密码。</translation>
    </message>
    <message>
        <source>The city platform refused the sign-in of %1 (HTTP %2: %3).</source>
        <translation>市级平台拒绝了%1的登录（HTTP %2：%3）。</translation>
    </message>
    <message>
        <source>The city platform&apos;s answer to the sign-in holds no token.</source>
        <translation>市级平台的登录响应中没有令牌。</translation>
    </message>
    <message>
        <source>The city platform sent a change that does not follow the contract (%1). The pull stopped before it; tell the city platform&apos;s administrator.</source>
        <translation>市级平台发送的一项变更不符合接口约定（%1）。拉取已在该变更之前停止；请告知市级平台管理员。</translation>
    </message>
    <message>
        <source>The city platform&apos;s change feed answer has no list of changes.</source>
        <translation>市级平台的变更流响应中没有变更列表。</translation>
    </message>
    <message>
        <source>The city platform&apos;s change feed answer has no cursor.</source>
        <translation>市级平台的变更流响应中没有游标。</translation>
    </message>
    <message>
        <source>The city platform refused a full pull (HTTP 410: %1).</source>
        <translation>市级平台拒绝了全量拉取（HTTP 410：%1）。</translation>
    </message>
    <message>
        <source>The city platform refused the change feed (HTTP %1: %2).</source>
        <translation>市级平台拒绝了变更流请求（HTTP %1：%2）。</translation>
    </message>
    <message>
        <source>The city platform refused this item as too large (%1).</source>
        <translation>市级平台以数据过大为由拒收该条目（%1）。</translation>
    </message>
    <message>
        <source>The city platform answered HTTP %1 to %2; nothing was recorded, the next sync tries again.</source>
        <translation>市级平台对%2返回了HTTP %1，未记录任何内容；下次同步时将重试。</translation>
    </message>
    <message>
        <source>The city platform answered HTTP %1 to the audit upload; the next sync tries again.</source>
        <translation>市级平台对审计日志上传返回了HTTP %1；下次同步时将重试。</translation>
    </message>
    <message>
        <source>The city platform&apos;s answer to a push has no results.</source>
        <translation>市级平台对推送的响应中没有结果。</translation>
    </message>
    <message>
        <source>Signing in to the city platform…</source>
        <translation>正在登录市级平台…</translation>
    </message>
    <message>
        <source>Sending the outbox: %1 of %2…</source>
        <translation>正在发送待上传队列：已发送%1项，共%2项…</translation>
    </message>
    <message>
        <source>Sending the audit trail…</source>
        <translation>正在上传审计日志…</translation>
    </message>
    <message>
        <source>Receiving changes: %1 so far…</source>
        <translation>正在接收变更：已收到%1条…</translation>
    </message>
    <message>
        <source>Asking the city platform for changes…</source>
        <translation>正在向市级平台查询变更…</translation>
    </message>
    <message>
        <source>Checking eligibility: %1 of %2…</source>
        <translation>正在核验资格：%1 / %2…</translation>
    </message>
    <message>
        <source>Checking eligibility…</source>
        <translation>正在核验资格…</translation>
    </message>
    <message>
        <source>This workstation is not connected to the city platform: the form works without the lookup.</source>
        <translation>本工作站未连接市级平台：表单可在不查询的情况下照常使用。</translation>
    </message>
    <message>
        <source>Sign in to the city platform to look records up; the form works without the lookup.</source>
        <translation>请登录市级平台后再查询记录；表单可在不查询的情况下照常使用。</translation>
    </message>
    <message>
        <source>The city platform refused the lookup (%1): %2</source>
        <translation>市级平台拒绝了查询（%1）：%2</translation>
    </message>
    <message>
        <source>%1 must be text; correct the input and try again.</source>
        <translation>%1 必须是文本；请更正输入后重试。</translation>
    </message>
    <message>
        <source>%1 must be a list; correct the input and try again.</source>
        <translation>%1 必须是列表；请更正输入后重试。</translation>
    </message>
    <message>
        <source>%1[%2] must be an object; correct the input and try again.</source>
        <translation>%1[%2] 必须是对象；请更正输入后重试。</translation>
    </message>
    <message>
        <source>admission_year must be a number such as 2026; correct the input and try again.</source>
        <translation>admission_year 必须是数字，例如 2026；请更正输入后重试。</translation>
    </message>
    <message>
        <source>child must be an object with name and id_number.</source>
        <translation>child 必须是包含 name 和 id_number 的对象。</translation>
    </message>
    <message>
        <source>Choose the school the family applies to.</source>
        <translation>请选择家庭申请的学校。</translation>
    </message>
    <message>
        <source>This workstation holds no schools yet: sync with the city platform (or import its data) first.</source>
        <translation>本工作站尚无学校数据：请先与市级平台同步（或导入其数据）。</translation>
    </message>
    <message>
        <source>School %1 is not a school of this workstation; choose one of the list.</source>
        <translation>学校 %1 不属于本工作站；请从列表中选择。</translation>
    </message>
    <message>
        <source>Choose the grade: primary grade 1 or junior grade 7.</source>
        <translation>请选择年级：小学一年级或初中七年级。</translation>
    </message>
    <message>
        <source>This school is a junior school: choose junior grade 7.</source>
        <translation>该校为初中：请选择初中七年级。</translation>
    </message>
    <message>
        <source>This school is a primary school: choose primary grade 1.</source>
        <translation>该校为小学：请选择小学一年级。</translation>
    </message>
    <message>
        <source>Give the admission year (for example %1).</source>
        <translation>请填写招生年度（例如 %1）。</translation>
    </message>
    <message>
        <source>Applications taken now are for %1; the year given is %2.</source>
        <translation>现在受理的是 %1 年度的申请；所填年度为 %2。</translation>
    </message>
    <message>
        <source>Type the child&apos;s ID number (18 characters).</source>
        <translation>请输入儿童的身份证号（18 位）。</translation>
    </message>
    <message>
        <source>Type the child&apos;s name as on the household register.</source>
        <translation>请按户口簿输入儿童姓名。</translation>
    </message>
    <message>
        <source>The child&apos;s name is longer than 40 characters; check it.</source>
        <translation>儿童姓名超过 40 个字符；请核对。</translation>
    </message>
    <message>
        <source>Add at least one guardian.</source>
        <translation>请至少添加一位监护人。</translation>
    </message>
    <message>
        <source>Type the ID number of guardian %1.</source>
        <translation>请输入第 %1 位监护人的身份证号。</translation>
    </message>
    <message>
        <source>Guardian %1: %2</source>
        <translation>第 %1 位监护人：%2</translation>
    </message>
    <message>
        <source>Guardian %1 has the child&apos;s ID number; type the guardian&apos;s own.</source>
        <translation>第 %1 位监护人填的是儿童的身份证号；请输入监护人本人的号码。</translation>
    </message>
    <message>
        <source>Type the name of guardian %1.</source>
        <translation>请输入第 %1 位监护人的姓名。</translation>
    </message>
    <message>
        <source>Choose how guardian %1 is related to the child: father, mother, grandparent or other.</source>
        <translation>请选择第 %1 位监护人与儿童的关系：父亲、母亲、祖父母/外祖父母或其他。</translation>
    </message>
    <message>
        <source>The mobile number of guardian %1 must be 11 digits starting with 1.</source>
        <translation>第 %1 位监护人的手机号必须是以 1 开头的 11 位数字。</translation>
    </message>
    <message>
        <source>Type the address the family claims (road, number, compound).</source>
        <translation>请输入家庭申报的地址（道路、门牌号、小区）。</translation>
    </message>
    <message>
        <source>Choose the category the family claims: A, B or C.</source>
        <translation>请选择家庭申报的类别：A、B 或 C。</translation>
    </message>
    <message>
        <source>Unknown kind of paper evidence &quot;%1&quot;; use one of: %2.</source>
        <translation>未知的纸质材料类型“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>%1: %2 Nothing was saved.</source>
        <translation>%1：%2 未保存任何内容。</translation>
    </message>
    <message>
        <source>That is not a resident ID number: %1 Nothing was declared.</source>
        <translation>这不是有效的居民身份证号：%1 未作任何申报。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters; shorten it. Nothing was declared.</source>
        <translation>备注超过 %1 个字符；请缩短。未作任何申报。</translation>
    </message>
    <message>
        <source>You declared a relationship to a person named on application %1, so you may not sign it off: take it out of the batch (return it) and let someone else sign it.</source>
        <translation>您已申报与申请 %1 中的人员存在亲属关系，因此不能签批该申请：请将其移出批次（退回），由他人签批。</translation>
    </message>
    <message>
        <source>You declared a relationship to a person named on application %1, so you may not decide on it: someone else must decide. Nothing was saved.</source>
        <translation>您已申报与申请 %1 中的人员存在亲属关系，因此不能对其作出决定：须由他人决定。未保存任何内容。</translation>
    </message>
    <message>
        <source>A signing key is registered for your account on the city platform, and this workstation does not know it yet: sign in once (admissionsctl login), then generate the key.</source>
        <translation>签名密钥将登记在您在市级平台的账号下，而本工作站尚不知道该账号：请先登录一次（admissionsctl login），再生成密钥。</translation>
    </message>
    <message>
        <source>That is not your passphrase. No key was made.</source>
        <translation>口令不正确。未生成密钥。</translation>
    </message>
    <message>
        <source>The new key&apos;s fingerprint cannot be computed.</source>
        <translation>无法计算新密钥的指纹。</translation>
    </message>
    <message>
        <source>You have no signing key yet: generate one first (admissionsctl key signing-generate).</source>
        <translation>您还没有签名密钥：请先生成一个（admissionsctl key signing-generate）。</translation>
    </message>
    <message>
        <source>There is no signing key %1.</source>
        <translation>不存在签名密钥 %1。</translation>
    </message>
    <message>
        <source>The passphrase does not open your signing key. Nothing was signed.</source>
        <translation>该口令无法打开您的签名密钥。未签署任何内容。</translation>
    </message>
    <message>
        <source>There is no batch %1 on this workstation.</source>
        <translation>本工作站上没有批次 %1。</translation>
    </message>
    <message>
        <source>Batch %1 is %2, not a draft: it cannot be changed or signed again.</source>
        <translation>批次 %1 的状态为 %2，不是草稿：不能再修改或再次签署。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Give the batch a title of 1 to %1 characters (for example &quot;First round, approvals&quot;).</source>
        <translation>请为批次填写 1 至 %1 个字符的标题（例如“第一轮录取”）。</translation>
    </message>
    <message>
        <source>Say which school the batch is for.</source>
        <translation>请指明该批次属于哪所学校。</translation>
    </message>
    <message>
        <source>A batch holds approvals or rejections (or both): &quot;%1&quot; is neither.</source>
        <translation>批次包含录取或不予录取的决定（或两者）：“%1”两者都不是。</translation>
    </message>
    <message>
        <source>The first decision date (%1) is after the last (%2).</source>
        <translation>起始决定日期（%1）晚于截止日期（%2）。</translation>
    </message>
    <message>
        <source>There is no school %1 on this workstation. Check the number, or sync.</source>
        <translation>本工作站上没有学校 %1。请核对编号，或进行同步。</translation>
    </message>
    <message>
        <source>No decision of school %1 waits for a signature in this selection: every accepted decision is signed or in a batch already, or none was made in those dates. Sync to receive the latest decisions.</source>
        <translation>在此筛选范围内，学校 %1 没有待签批的决定：已被接受的决定均已签批或已在批次中，或在这些日期内没有决定。请同步以获取最新决定。</translation>
    </message>
    <message>
        <source>Application %1 is not in batch %2.</source>
        <translation>申请 %1 不在批次 %2 中。</translation>
    </message>
    <message>
        <source>The decision on %1 follows the automatic check: there is no override to mark seen.</source>
        <translation>对 %1 的决定与自动核验一致：没有需要标记已阅的改判。</translation>
    </message>
    <message>
        <source>Say in a note (at most %1 characters) why the decision goes back to its officer.</source>
        <translation>请在备注中（最多 %1 个字符）说明为何将该决定退回审核员。</translation>
    </message>
    <message>
        <source>A batch is signed for your account on the city platform, and this workstation does not know it yet: sign in once (admissionsctl login), then sign.</source>
        <translation>批次以您在市级平台的账号签署，而本工作站尚不知道该账号：请先登录一次（admissionsctl login），再签署。</translation>
    </message>
    <message>
        <source>You have no signing key for account %1 yet: generate one first.</source>
        <translation>账号 %1 还没有签名密钥：请先生成一个。</translation>
    </message>
    <message>
        <source>Batch %1 holds no decision (all were returned): there is nothing to sign.</source>
        <translation>批次 %1 中没有决定（均已退回）：没有可签署的内容。</translation>
    </message>
    <message>
        <source>Mark every override as seen before signing; not seen yet: %1.</source>
        <translation>签署前请将每项改判标记为已阅；尚未阅：%1。</translation>
    </message>
    <message>
        <source>These applications or their decisions changed since the batch was made: %1. Take them out of the batch (return them), or discard it and make a new one.</source>
        <translation>自批次生成以来，以下申请或其决定已发生变化：%1。请将其移出批次（退回），或放弃该批次并重新生成。</translation>
    </message>
    <message>
        <source>Signing key %1 has an unknown algorithm.</source>
        <translation>签名密钥 %1 的算法未知。</translation>
    </message>
    <message>
        <source>Batch %1 is %2: only a batch the city platform refused is made again.</source>
        <translation>批次 %1 的状态为 %2：只有被市级平台拒绝的批次才能重新生成。</translation>
    </message>
    <message>
        <source>Batch %1 was made again already, as batch %2.</source>
        <translation>批次 %1 已重新生成为批次 %2。</translation>
    </message>
    <message>
        <source>Every application of batch %1 moved on since it was signed: nothing is left to sign again. Make a new batch from the decisions waiting.</source>
        <translation>批次 %1 中的每份申请在签署后均已变化：没有可重新签署的内容。请用待签批的决定生成新批次。</translation>
    </message>
    <message>
        <source>The key that signed batch %1 is not on this workstation.</source>
        <translation>签署批次 %1 的密钥不在本工作站上。</translation>
    </message>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>A new batch without the items that moved on replaces this one: %1.</source>
        <translation>已用不含已变化项目的新批次替代本批次：%1。</translation>
    </message>
    <message>
        <source>The city platform did not take this batch: an application in it changed after it was signed (%1). Nothing of it was applied. Make a new batch without the items that moved on, check it and sign it.</source>
        <translation>市级平台未接受该批次：其中有申请在签署后发生了变化（%1）。该批次的任何内容均未生效。请生成不含已变化项目的新批次，核对后签署。</translation>
    </message>
    <message>
        <source>The city platform could not verify the signature with the key registered for your account (%1). Check that your signing key was registered (the outbox shows it); if the platform refused it, or it is not the key you sign with, generate a new signing key. Then make the batch again and sign it.</source>
        <translation>市级平台无法用您账号登记的密钥验证签名（%1）。请确认您的签名密钥已登记（发件箱中可见）；如平台拒绝了它，或它不是您签名所用的密钥，请生成新的签名密钥。然后重新生成批次并签署。</translation>
    </message>
    <message>
        <source>This batch was dropped from the outbox and will not be sent. Its decisions can go into a new batch.</source>
        <translation>该批次已从发件箱中移除，不会发送。其中的决定可以放入新批次。</translation>
    </message>
    <message>
        <source>The city platform refused this batch: %1. Correct the cause, then make the batch again and sign it.</source>
        <translation>市级平台拒绝了该批次：%1。请纠正原因后重新生成批次并签署。</translation>
    </message>
    <message>
        <source>Over capacity: %1 approved for %2 seats; the approvals of category %3 and after do not all fit.</source>
        <translation>超出学位：%2 个学位已录取 %1 人；%3 类及之后类别的录取无法全部容纳。</translation>
    </message>
    <message>
        <source>Over capacity: %1 approved for %2 seats.</source>
        <translation>超出学位：%2 个学位已录取 %1 人。</translation>
    </message>
    <message>
        <source>Batch %1 is not signed yet: there is nothing to export.</source>
        <translation>批次 %1 尚未签署：没有可导出的内容。</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>father</source>
        <translation>父亲</translation>
    </message>
    <message>
        <source>mother</source>
        <translation>母亲</translation>
    </message>
    <message>
        <source>grandparent</source>
        <translation>祖父母/外祖父母</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>mortgaged</source>
        <translation>已抵押</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>已查封</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <source>active</source>
        <translation>存续</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>married</source>
        <translation>已婚</translation>
    </message>
    <message>
        <source>divorced</source>
        <translation>离婚</translation>
    </message>
    <message>
        <source>residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>commercial</source>
        <translation>商业</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>information requested</source>
        <translation>待补充材料</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>招生政策</translation>
    </message>
    <message>
        <source>age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>property in zone</source>
        <translation>学区内房产</translation>
    </message>
    <message>
        <source>urban household registration</source>
        <translation>城区户籍</translation>
    </message>
    <message>
        <source>residence in zone</source>
        <translation>学区内居住</translation>
    </message>
    <message>
        <source>work in the city</source>
        <translation>在本市就业</translation>
    </message>
    <message>
        <source>duplicate application</source>
        <translation>重复申请</translation>
    </message>
    <message>
        <source>shared property</source>
        <translation>房产被多户使用</translation>
    </message>
    <message>
        <source>property cancelled</source>
        <translation>房产已注销</translation>
    </message>
    <message>
        <source>guardian not linked</source>
        <translation>监护关系无法核实</translation>
    </message>
    <message>
        <source>category mismatch</source>
        <translation>类别与申报不符</translation>
    </message>
    <message>
        <source>over age</source>
        <translation>超龄</translation>
    </message>
    <message>
        <source>address uncertain</source>
        <translation>地址匹配不确定</translation>
    </message>
    <message>
        <source>record missing</source>
        <translation>缺少部门记录</translation>
    </message>
    <message>
        <source>under age</source>
        <translation>未到入学年龄</translation>
    </message>
    <message>
        <source>public security bureau</source>
        <translation>公安局</translation>
    </message>
    <message>
        <source>natural resources bureau</source>
        <translation>自然资源和规划局</translation>
    </message>
    <message>
        <source>housing bureau</source>
        <translation>住房和城乡建设局</translation>
    </message>
    <message>
        <source>human resources and social security bureau</source>
        <translation>人力资源和社会保障局</translation>
    </message>
    <message>
        <source>market regulation bureau</source>
        <translation>市场监督管理局</translation>
    </message>
    <message>
        <source>civil affairs bureau</source>
        <translation>民政局</translation>
    </message>
    <message>
        <source>household registration</source>
        <translation>户籍</translation>
    </message>
    <message>
        <source>real-estate registration</source>
        <translation>不动产登记</translation>
    </message>
    <message>
        <source>housing sale contract</source>
        <translation>商品房网签合同</translation>
    </message>
    <message>
        <source>rental filing</source>
        <translation>房屋租赁备案</translation>
    </message>
    <message>
        <source>social insurance</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <source>individual business</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>enterprise legal person</source>
        <translation>企业法人</translation>
    </message>
    <message>
        <source>marriage registration</source>
        <translation>婚姻登记</translation>
    </message>
    <message>
        <source>residence permit</source>
        <translation>居住证</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>%1 already holds a workstation. Use another folder, or add a user to this one.</source>
        <translation>%1中已有工作站。请使用其他文件夹，或在该工作站中添加用户。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹%1。</translation>
    </message>
    <message>
        <source>The cache file %1 is missing. Restore it from a backup, or move keys.json away and set the workstation up again.</source>
        <translation>本地缓存文件%1不存在。请从备份中恢复，或将 keys.json 移走后重新初始化工作站。</translation>
    </message>
    <message>
        <source>Only an administrator of this workstation can add users.</source>
        <translation>只有本工作站的管理员才能添加用户。</translation>
    </message>
    <message>
        <source>Only an administrator of this workstation can export the recovery key.</source>
        <translation>只有本工作站的管理员才能导出恢复密钥。</translation>
    </message>
</context>
<context>
    <name>adm::ui::BatchActions</name>
    <message>
        <source>Approve &amp;clean selected…</source>
        <translation>通过所选的无异常申请(&amp;C)…</translation>
    </message>
    <message>
        <source>Approve the selected applications whose check found the category claimed, eligible, with no flag (select with Shift or Ctrl)</source>
        <translation>通过所选申请中核验类别与申报一致、符合条件且无标记的申请（按住 Shift 或 Ctrl 多选）</translation>
    </message>
    <message>
        <source>&amp;Export the queue view…</source>
        <translation>导出队列视图(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print the queue view…</source>
        <translation>打印队列视图(&amp;P)…</translation>
    </message>
    <message>
        <source>Only an admissions officer can approve.</source>
        <translation>只有招生审核员才能通过申请。</translation>
    </message>
    <message>
        <source>Select the applications to approve: Shift or Ctrl with a click or the arrow keys.</source>
        <translation>请选择要通过的申请：按住 Shift 或 Ctrl，同时单击或使用方向键。</translation>
    </message>
    <message>
        <source>Some selected rows are still loading; select them again in a moment.</source>
        <translation>部分所选行仍在加载中；请稍后重新选择。</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未通过</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s) approved, each its own decision: Ctrl+Z takes back the last one until it is sent.</source>
        <translation>
            <numerusform>已通过%n份申请，每份均为单独的审核决定：发送之前，按 Ctrl+Z 可撤回最近的一个决定。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application(s) approved, then it stopped: %1</source>
        <translation>
            <numerusform>已通过%n份申请后中止：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not all approved</source>
        <translation>未全部通过</translation>
    </message>
    <message>
        <source>Nothing was approved: the selected applications changed meanwhile.</source>
        <translation>未通过任何申请：所选申请在此期间已发生变更。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>已将%n行导出到%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) sent to the printer.</source>
        <translation>
            <numerusform>已将%n行发送到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>打印已取消。</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
</context>
<context>
    <name>adm::ui::BatchApproveDialog</name>
    <message>
        <source>Approve clean applications</source>
        <translation>批量通过无异常的申请</translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected applications are clean: the check found the category claimed, eligible, with no flag. Each is approved in the category found, as its own decision that Ctrl+Z takes back one by one until it is sent.</source>
        <translation>
            <numerusform>所选申请中有%n份无异常：核验类别与申报一致、符合条件且无标记。每份申请均按核验得出的类别通过，各为单独的审核决定；发送之前可按 Ctrl+Z 逐个撤回。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected applications is clean.</source>
        <translation>
            <numerusform>所选的%n份申请中没有无异常的申请。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out, to be decided one by one (%n):</source>
        <translation>
            <numerusform>未纳入、须逐份决定的申请（%n份）：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 seats, %3 approved, %4 more with these</source>
        <translation>%1：共%2个学位，已通过%3个，本次将再增加%4个</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more school(s) with room for these.</source>
        <translation>
            <numerusform>……另有%n所学校的学位可容纳这些申请。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Approve %n</source>
        <translation>
            <numerusform>通过%n份(&amp;A)</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>adm::ui::BinShortcutDelegate</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>adm::ui::CacheCountsDialog</name>
    <message>
        <source>Records in the cache</source>
        <translation>本地缓存中的记录</translation>
    </message>
    <message>
        <source>Agency records by data set</source>
        <translation>部门记录（按数据集）</translation>
    </message>
    <message>
        <source>Applications by status</source>
        <translation>入学申请（按状态）</translation>
    </message>
    <message>
        <source>Applications by channel</source>
        <translation>入学申请（按渠道）</translation>
    </message>
    <message>
        <source>Applications by grade</source>
        <translation>入学申请（按年级）</translation>
    </message>
    <message>
        <source>Admission policies</source>
        <translation>招生政策</translation>
    </message>
    <message>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Catchment zones</source>
        <translation>学区</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>入学申请</translation>
    </message>
    <message>
        <source>Agency records</source>
        <translation>部门记录</translation>
    </message>
    <message>
        <source>Primary grade 1</source>
        <translation>小学一年级</translation>
    </message>
    <message>
        <source>Junior middle grade 7</source>
        <translation>初中七年级</translation>
    </message>
    <message>
        <source>What the cache holds</source>
        <translation>本地缓存内容</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>The cache cannot be read.</source>
        <translation>无法读取本地缓存。</translation>
    </message>
    <message>
        <source>Cannot count the cache: %1</source>
        <translation>无法统计本地缓存：%1</translation>
    </message>
</context>
<context>
    <name>adm::ui::CounterCheckPanel</name>
    <message>
        <source>Check before saving</source>
        <translation>保存前核验</translation>
    </message>
    <message>
        <source>taken at this counter, waiting to upload</source>
        <translation>本窗口受理，等待上传</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>This child already has an application this year:</source>
        <translation>该儿童今年已有申请：</translation>
    </message>
    <message>
        <source>Look at it before taking another one.</source>
        <translation>请先查看该申请，再决定是否再受理一份。</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>无法进行核验：%1</translation>
    </message>
    <message>
        <source>The check runs once the child&apos;s ID number, the school and the claimed category are given.</source>
        <translation>填写儿童身份证号、学校和申报类别后即进行核验。</translation>
    </message>
    <message>
        <source>The check finds no category: %1</source>
        <translation>核验未得出任何类别：%1</translation>
    </message>
    <message>
        <source>The check finds category %1, as claimed.</source>
        <translation>核验结果为%1类，与申报一致。</translation>
    </message>
    <message>
        <source>The check finds category %1; the family claims %2.</source>
        <translation>核验结果为%1类；家庭申报为%2类。</translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>无提示标记。</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>提示标记：</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) still to complete or correct.</source>
        <translation>
            <numerusform>还有%n项需要填写或更正。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every field is complete: Ctrl+S saves.</source>
        <translation>各项均已填写完整：按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <source>From the records in the cache and those looked up at the desk. Nothing is saved yet.</source>
        <translation>依据本地缓存中的记录和窗口现场查询到的记录。尚未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>adm::ui::CounterForm</name>
    <message>
        <source>Primary grade 1</source>
        <translation>小学一年级</translation>
    </message>
    <message>
        <source>Junior grade 7</source>
        <translation>初中七年级</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>school: name (id)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>from record %1</source>
        <translation>来自记录%1</translation>
    </message>
    <message>
        <source>the child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>guardian %1</source>
        <translation>第%1位监护人</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation>年级(&amp;G)：</translation>
    </message>
    <message>
        <source>Sc&amp;hool:</source>
        <translation>学校(&amp;H)：</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>Look &amp;up</source>
        <translation>查询(&amp;U)</translation>
    </message>
    <message>
        <source>What the agencies hold about the child (needs the city platform)</source>
        <translation>查询各部门关于该儿童的记录（需连接市级平台）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>&amp;Add guardian</source>
        <translation>添加监护人(&amp;A)</translation>
    </message>
    <message>
        <source>Address and category</source>
        <translation>地址与类别</translation>
    </message>
    <message>
        <source>Claimed a&amp;ddress:</source>
        <translation>申报地址(&amp;D)：</translation>
    </message>
    <message>
        <source>Road, number, compound, building, flat</source>
        <translation>道路、门牌号、小区、楼栋、房号</translation>
    </message>
    <message>
        <source>Claimed &amp;category:</source>
        <translation>申报类别(&amp;C)：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>A — property in the zone, urban household registration</source>
        <translation>A — 学区内有房产，城区户籍</translation>
    </message>
    <message>
        <source>B — property in the zone</source>
        <translation>B — 学区内有房产</translation>
    </message>
    <message>
        <source>C — residence in the zone, work in the city</source>
        <translation>C — 在学区内居住，在本市就业</translation>
    </message>
    <message>
        <source>Paper documents seen</source>
        <translation>已查验的纸质材料</translation>
    </message>
    <message>
        <source>Paper documents seen (checked by %1)</source>
        <translation>已查验的纸质材料（查验人：%1）</translation>
    </message>
    <message>
        <source>Note on %1</source>
        <translation>%1备注</translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation>已输入%1位，共18位</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Born %1, %2</source>
        <translation>出生于%1，%2</translation>
    </message>
    <message>
        <source>boy</source>
        <translation>男孩</translation>
    </message>
    <message>
        <source>girl</source>
        <translation>女孩</translation>
    </message>
    <message>
        <source>Born %1, %2 — outside the policy&apos;s range %3: under age</source>
        <translation>出生于%1，%2 — 不在招生政策规定的范围%3内：未到入学年龄</translation>
    </message>
    <message>
        <source>Born %1, %2 — outside the policy&apos;s range %3: over age</source>
        <translation>出生于%1，%2 — 不在招生政策规定的范围%3内：超龄</translation>
    </message>
    <message>
        <source>Born %1, %2 — within the policy&apos;s range %3</source>
        <translation>出生于%1，%2 — 在招生政策规定的范围%3内</translation>
    </message>
    <message>
        <source>Born %1, %2 — no admission policy for this school and grade in the cache</source>
        <translation>出生于%1，%2 — 本地缓存中没有该学校和年级的招生政策</translation>
    </message>
    <message>
        <source>required for %1</source>
        <translation>%1类必需</translation>
    </message>
    <message>
        <source>required for %1 (or %2)</source>
        <translation>%1类必需（或%2）</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>Not seen yet for category %1: %2. You can still save; the family may bring it later.</source>
        <translation>%1类尚缺：%2。仍可保存，家庭可以稍后补交。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Taken %1</source>
        <translation>已采用，%1</translation>
    </message>
    <message>
        <source>Exact match in the zone %1: %2</source>
        <translation>精确匹配学区%1：%2</translation>
    </message>
    <message>
        <source>Loose match in the zone %1: %2</source>
        <translation>模糊匹配学区%1：%2</translation>
    </message>
    <message>
        <source>In no zone of this school: %1</source>
        <translation>不在本校任何学区内：%1</translation>
    </message>
    <message>
        <source>The form already has %1 guardians; remove one first.</source>
        <translation>表单中已有%1位监护人，请先删除一位。</translation>
    </message>
    <message>
        <source>Guardian %1</source>
        <translation>第%1位监护人</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>What the agencies hold about guardian %1 (needs the city platform)</source>
        <translation>查询各部门关于第%1位监护人的记录（需连接市级平台）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>关系：</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>手机号：</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11位数字</translation>
    </message>
    <message>
        <source>Remove guardian %1</source>
        <translation>删除第%1位监护人</translation>
    </message>
    <message>
        <source>Household register (hukou booklet)</source>
        <translation>户口簿</translation>
    </message>
    <message>
        <source>Property certificate</source>
        <translation>不动产权证书</translation>
    </message>
    <message>
        <source>Sale contract</source>
        <translation>购房合同</translation>
    </message>
    <message>
        <source>Rental filing</source>
        <translation>房屋租赁备案</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>居住证</translation>
    </message>
    <message>
        <source>Social-insurance statement</source>
        <translation>社保缴费证明</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>Marriage certificate</source>
        <translation>结婚证</translation>
    </message>
</context>
<context>
    <name>adm::ui::CounterListModel</name>
    <message>
        <source>Waiting to upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>Uploaded as %1</source>
        <translation>已上传，编号%1</translation>
    </message>
    <message>
        <source>Duplicate: the child already has %1</source>
        <translation>重复：该儿童已有申请%1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>被拒收：%1</translation>
    </message>
    <message>
        <source>%1, ID number %2</source>
        <translation>%1，身份证号%2</translation>
    </message>
    <message>
        <source>Local number</source>
        <translation>本地编号</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>adm::ui::CounterLookupPanel</name>
    <message>
        <source>from %1 record %2</source>
        <translation>来自%1记录%2</translation>
    </message>
    <message>
        <source>Look up the child or a guardian to see what the agencies hold. It needs the city platform; the form works without it.</source>
        <translation>查询儿童或监护人，可查看各部门的记录。查询需连接市级平台；不查询也可照常填写表单。</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>正在查询%1…</translation>
    </message>
    <message>
        <source>The agencies hold no record of %1.</source>
        <translation>各部门没有%1的记录。</translation>
    </message>
    <message numerus="yes">
        <source>What the agencies hold about %1: %n record(s).</source>
        <translation>
            <numerusform>各部门关于%1的记录：%n条。</numerusform>
        </translation>
    </message>
    <message>
        <source>No lookup for %1: %2</source>
        <translation>无法查询%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1（%2），%3</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Member: %1 (%2), %3</source>
        <translation>户内成员：%1（%2），%3</translation>
    </message>
    <message>
        <source>Agency records</source>
        <translation>部门记录</translation>
    </message>
    <message>
        <source>Records &amp;looked up:</source>
        <translation>查询到的记录(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Take as claimed address</source>
        <translation>采用为申报地址(&amp;T)</translation>
    </message>
    <message>
        <source>The address of the chosen record becomes the claimed address</source>
        <translation>将所选记录的地址作为申报地址</translation>
    </message>
    <message>
        <source>Ta&amp;ke as guardian</source>
        <translation>采用为监护人(&amp;K)</translation>
    </message>
    <message>
        <source>The chosen household member becomes a guardian (name and ID number)</source>
        <translation>将所选户内成员作为监护人（姓名和身份证号）</translation>
    </message>
</context>
<context>
    <name>adm::ui::CounterWindow</name>
    <message>
        <source>Save receipt as PDF</source>
        <translation>将回执保存为PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>The cache cannot be read.</source>
        <translation>无法读取本地缓存。</translation>
    </message>
    <message>
        <source>Applications taken at this counter</source>
        <translation>本窗口受理的申请</translation>
    </message>
    <message>
        <source>Today&apos;s applications at this counter</source>
        <translation>本窗口今日受理的申请</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Local number or platform id; scan the receipt&apos;s QR code</source>
        <translation>本地编号或平台编号；可扫描回执上的二维码</translation>
    </message>
    <message>
        <source>Type or scan a local number and press Enter (Ctrl+F comes here)</source>
        <translation>输入或扫描本地编号后按回车（Ctrl+F 可跳到此处）</translation>
    </message>
    <message>
        <source>Earlier da&amp;ys too</source>
        <translation>包括以前各天(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Reprint receipt</source>
        <translation>补打回执(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;English receipt</source>
        <translation>英文回执(&amp;E)</translation>
    </message>
    <message>
        <source>The receipt is in Chinese unless this is ticked.</source>
        <translation>未勾选时回执为中文。</translation>
    </message>
    <message>
        <source>Recei&amp;pt:</source>
        <translation>回执(&amp;P)：</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为PDF</translation>
    </message>
    <message>
        <source>Ne&amp;w application</source>
        <translation>新申请(&amp;W)</translation>
    </message>
    <message>
        <source>A new application for the next family (Ctrl+N)</source>
        <translation>为下一个家庭新建申请（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Save and write receipt PDF</source>
        <translation>保存并生成回执PDF(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save and print receipt</source>
        <translation>保存并打印回执(&amp;S)</translation>
    </message>
    <message>
        <source>Checks, saves in the cache&apos;s outbox and makes the receipt (Ctrl+S)</source>
        <translation>核验后保存到本地待上传队列，并生成回执（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save and make the receipt</source>
        <translation>保存并生成回执</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>新申请</translation>
    </message>
    <message>
        <source>Find a local number</source>
        <translation>查找本地编号</translation>
    </message>
    <message>
        <source>Counter intake</source>
        <translation>窗口受理</translation>
    </message>
    <message>
        <source>Counter intake — %1</source>
        <translation>窗口受理 — %1</translation>
    </message>
    <message>
        <source>The schools of this workstation cannot be read: %1</source>
        <translation>无法读取本工作站的学校：%1</translation>
    </message>
    <message>
        <source>This workstation holds no school yet: sync with the city platform first.</source>
        <translation>本工作站还没有学校数据：请先与市级平台同步。</translation>
    </message>
    <message>
        <source>A draft left from before cannot be read: %1</source>
        <translation>无法读取之前留下的草稿：%1</translation>
    </message>
    <message>
        <source>An application typed earlier was not saved: continue it?</source>
        <translation>之前录入的申请尚未保存：是否继续录入？</translation>
    </message>
    <message>
        <source>Child: %1</source>
        <translation>儿童：%1</translation>
    </message>
    <message>
        <source>Unsaved application</source>
        <translation>未保存的申请</translation>
    </message>
    <message>
        <source>&amp;Continue it</source>
        <translation>继续录入(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Discard it</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>The application typed earlier is back in the form.</source>
        <translation>之前录入的申请已恢复到表单中。</translation>
    </message>
    <message>
        <source>What is typed could not be kept as a draft: %1</source>
        <translation>录入的内容未能保存为草稿：%1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved as %1. It waits in the outbox until the next sync uploads it.</source>
        <translation>已保存，编号%1。该申请保留在待上传队列中，下次同步时上传。</translation>
    </message>
    <message>
        <source>Start a new application?</source>
        <translation>新建申请？</translation>
    </message>
    <message>
        <source>What is typed for this family is not saved. Discard it and start a new application?</source>
        <translation>为该家庭录入的内容尚未保存。是否放弃并新建申请？</translation>
    </message>
    <message>
        <source>&amp;Discard and start anew</source>
        <translation>放弃并新建(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep typing</source>
        <translation>继续录入(&amp;K)</translation>
    </message>
    <message>
        <source>No receipt for %1: %2</source>
        <translation>无法生成%1的回执：%2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存，编号%1。</translation>
    </message>
    <message>
        <source>No receipt was written: reprint it from the list.</source>
        <translation>未生成回执：可在列表中补打。</translation>
    </message>
    <message>
        <source>The receipt is in %1.</source>
        <translation>回执已保存到%1。</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>回执%1</translation>
    </message>
    <message>
        <source>The receipt was not printed: reprint it from the list.</source>
        <translation>回执未打印：可在列表中补打。</translation>
    </message>
    <message>
        <source>The receipt is printed.</source>
        <translation>回执已打印。</translation>
    </message>
    <message>
        <source>The counter list cannot be read: %1</source>
        <translation>无法读取窗口受理列表：%1</translation>
    </message>
    <message>
        <source>No application with the number %1 was taken at this workstation.</source>
        <translation>本工作站没有受理编号为%1的申请。</translation>
    </message>
    <message>
        <source>type the ID number first.</source>
        <translation>请先输入身份证号。</translation>
    </message>
</context>
<context>
    <name>adm::ui::DecisionController</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Over capacity</source>
        <translation>超出学位数</translation>
    </message>
    <message>
        <source>%1 has %2 seats and %3 approvals already. Approve one more anyway?</source>
        <translation>%1共有%2个学位，已通过%3份申请。仍要再通过一份吗？</translation>
    </message>
    <message>
        <source>%1: %2. Ctrl+Z takes it back until it is sent.</source>
        <translation>%1：%2。发送之前可按 Ctrl+Z 撤回。</translation>
    </message>
    <message>
        <source>There is no decision of yours to take back.</source>
        <translation>您没有可撤回的审核决定。</translation>
    </message>
    <message>
        <source>Decision on %1 taken back: it will not be sent.</source>
        <translation>已撤回对%1的审核决定，该决定不会被发送。</translation>
    </message>
    <message>
        <source>Drop the decision</source>
        <translation>放弃审核决定</translation>
    </message>
    <message>
        <source>Drop your decision on %1? The application stays as it is upstream.</source>
        <translation>要放弃您对%1的审核决定吗？该申请将保持市级平台上的现状。</translation>
    </message>
    <message>
        <source>Your decision on %1 was dropped.</source>
        <translation>已放弃您对%1的审核决定。</translation>
    </message>
    <message>
        <source>Choose an application first.</source>
        <translation>请先选择一份申请。</translation>
    </message>
</context>
<context>
    <name>adm::ui::DecisionDialog</name>
    <message>
        <source>Approve %1</source>
        <translation>通过：%1</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>驳回：%1</translation>
    </message>
    <message>
        <source>Request information for %1</source>
        <translation>要求补充材料：%1</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>The automatic check found category %1.</source>
        <translation>自动核验结果为%1类。</translation>
    </message>
    <message>
        <source>The automatic check found no category; a reason is needed.</source>
        <translation>自动核验未得出类别，须填写原因。</translation>
    </message>
    <message>
        <source>Seats at %1: %2 of %3 approved.</source>
        <translation>%1的学位：共%3个，已通过%2个。</translation>
    </message>
    <message>
        <source>Seats at %1: %2 of %3 approved. This approval goes over the capacity.</source>
        <translation>%1的学位：共%3个，已通过%2个。本次通过将超出学位数。</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>学位：</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>(no reason)</source>
        <translation>（无原因）</translation>
    </message>
    <message>
        <source>What the family must bring or explain</source>
        <translation>家庭需提交或说明的内容</translation>
    </message>
    <message>
        <source>A note for the family and the file (optional)</source>
        <translation>给家庭并记入档案的备注（可选）</translation>
    </message>
    <message>
        <source>&amp;Needed:</source>
        <translation>所需材料(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>通过(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>Send &amp;request</source>
        <translation>发送要求(&amp;R)</translation>
    </message>
    <message>
        <source>A category other than the check&apos;s needs a reason.</source>
        <translation>选择与核验结果不同的类别时，须填写原因。</translation>
    </message>
    <message>
        <source>A rejection needs a standard reason, so that the family can be told why.</source>
        <translation>驳回须填写标准原因，以便告知家庭驳回理由。</translation>
    </message>
    <message>
        <source>The reason &quot;other&quot; needs a note saying what it is.</source>
        <translation>原因为“other”（其他）时，须在备注中写明具体原因。</translation>
    </message>
    <message>
        <source>Choose a reason for approving in category %1.</source>
        <translation>请选择按%1类通过的原因。</translation>
    </message>
    <message>
        <source>Choose the reason for the rejection.</source>
        <translation>请选择驳回原因。</translation>
    </message>
    <message>
        <source>Say what the family must bring or explain.</source>
        <translation>请写明家庭需提交或说明的内容。</translation>
    </message>
    <message>
        <source>Write a note saying what the reason is.</source>
        <translation>请在备注中写明具体原因。</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>原因(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Due by:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
    <message>
        <source>The text above and this date are sent to the family.</source>
        <translation>上方文字和此日期将发送给家庭。</translation>
    </message>
    <message>
        <source>(name not read)</source>
        <translation>（未读取姓名）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>The automatic check has not judged this application.</source>
        <translation>自动核验尚未对该申请作出判断。</translation>
    </message>
    <message>
        <source>The automatic check found it eligible.</source>
        <translation>自动核验结果为符合条件。</translation>
    </message>
    <message>
        <source>The automatic check found it &lt;b&gt;not eligible&lt;/b&gt;.</source>
        <translation>自动核验结果为&lt;b&gt;不符合条件&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>It raised no flag.</source>
        <translation>未产生任何标记。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The check found this application not eligible: approving it needs a standard reason.</source>
        <translation>核验结果为该申请不符合条件：通过须填写标准原因。</translation>
    </message>
    <message>
        <source>The check found this application eligible: rejecting it needs a note saying why.</source>
        <translation>核验结果为该申请符合条件：驳回须在备注中写明理由。</translation>
    </message>
    <message>
        <source>The check found this application not eligible. Choose the reason for approving it.</source>
        <translation>核验结果为该申请不符合条件。请选择通过的原因。</translation>
    </message>
    <message>
        <source>The check found this application eligible. Write in the note why you reject it.</source>
        <translation>核验结果为该申请符合条件。请在备注中写明驳回理由。</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>放弃已输入的内容？</translation>
    </message>
    <message>
        <source>Discard what you typed for application %1? It is lost once this dialog closes.</source>
        <translation>要放弃为申请%1输入的内容吗？关闭此对话框后，这些内容将丢失。</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>adm::ui::DetailPane</name>
    <message>
        <source>Choose an application in the queue.</source>
        <translation>请在队列中选择一份申请。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取%1…</translation>
    </message>
    <message>
        <source>Child and guardians</source>
        <translation>儿童与监护人</translation>
    </message>
    <message>
        <source>Automatic check</source>
        <translation>自动核验</translation>
    </message>
    <message>
        <source>Agency records in full</source>
        <translation>完整部门记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Related applications</source>
        <translation>相关申请</translation>
    </message>
    <message>
        <source>Decision not taken by the city platform</source>
        <translation>市级平台未接受的审核决定</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>This application is not among the rows of the queue on the left: it was opened from a related application. The decision keys act on it. Choose a row on the left to go back to the queue.</source>
        <translation>该申请不在左侧队列的行中：它是从相关申请中打开的。审核快捷键对该申请有效。在左侧选择一行即可返回队列。</translation>
    </message>
    <message>
        <source>You declared a relationship to a person on this application: someone else decides.</source>
        <translation>您申报了与本申请中某人的亲属关系：由其他人决定。</translation>
    </message>
    <message>
        <source>Returned by the principal (%1, %2): %3
Decide it again: the new decision goes to the principal&apos;s next batch.</source>
        <translation>校长退回（%1，%2）：%3
请重新决定：新的决定将进入校长的下一批次。</translation>
    </message>
</context>
<context>
    <name>adm::ui::DraftKeeper</name>
    <message>
        <source>Go on with your draft?</source>
        <translation>继续编辑草稿？</translation>
    </message>
    <message>
        <source>You were writing a decision on application %1 when the workstation locked. Go on?</source>
        <translation>工作站锁定时，您正在对申请%1撰写审核决定。要继续吗？</translation>
    </message>
    <message>
        <source>You were writing a decision on application %1 when the workstation stopped. Go on?</source>
        <translation>工作站停止运行时，您正在对申请%1撰写审核决定。要继续吗？</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>继续(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Discard the draft</source>
        <translation>放弃草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>暂不处理(&amp;N)</translation>
    </message>
</context>
<context>
    <name>adm::ui::EnrolPage</name>
    <message>
        <source>C&amp;onnect and sign in</source>
        <translation>连接并登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA文件(&amp;C)：</translation>
    </message>
    <message>
        <source>Workstation &amp;name:</source>
        <translation>工作站名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接%1…</translation>
    </message>
    <message>
        <source>Connect to the city platform</source>
        <translation>连接市级平台</translation>
    </message>
    <message>
        <source>The city platform sends the applications and receives the decisions.</source>
        <translation>市级平台负责下发申请并接收审核决定。</translation>
    </message>
    <message>
        <source>Fill in what the city platform&apos;s administrator gave you. Without a city platform the workstation works offline, with bundles an administrator imports.</source>
        <translation>请填写市级平台管理员提供的信息。不连接市级平台时，工作站离线工作，使用管理员导入的离线数据包。</translation>
    </message>
    <message>
        <source>ca.pem from the city platform&apos;s administrator</source>
        <translation>市级平台管理员提供的 ca.pem</translation>
    </message>
    <message>
        <source>City platform &amp;address:</source>
        <translation>市级平台地址(&amp;A)：</translation>
    </message>
    <message>
        <source>City platform acco&amp;unt:</source>
        <translation>市级平台账号(&amp;U)：</translation>
    </message>
    <message>
        <source>City platform &amp;password:</source>
        <translation>市级平台密码(&amp;P)：</translation>
    </message>
    <message>
        <source>The city platform&apos;s CA file</source>
        <translation>市级平台的CA文件</translation>
    </message>
    <message>
        <source>Type the city platform address, for example https://hub.example.org:8443.</source>
        <translation>请输入市级平台地址，例如 https://hub.example.org:8443。</translation>
    </message>
    <message>
        <source>Choose the city platform&apos;s CA file (ca.pem) with Browse…</source>
        <translation>请点击“浏览…”选择市级平台的CA文件（ca.pem）。</translation>
    </message>
    <message>
        <source>Type your city platform account.</source>
        <translation>请输入您的市级平台账号。</translation>
    </message>
    <message>
        <source>Type the city platform password of this account.</source>
        <translation>请输入此账号的市级平台密码。</translation>
    </message>
</context>
<context>
    <name>adm::ui::EvidenceCard</name>
    <message>
        <source>decisive</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <source>This record decided the rule.</source>
        <translation>该规则依据此记录认定。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>获取时间</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>精确匹配</translation>
    </message>
    <message>
        <source>loose match: check it</source>
        <translation>模糊匹配：请核实</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>不匹配</translation>
    </message>
</context>
<context>
    <name>adm::ui::ExportDialog</name>
    <message>
        <source>Export the queue view</source>
        <translation>导出队列视图</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2
%n application(s), in the order shown.</source>
        <translation>
            <numerusform>%1 — %2
共 %n 份申请，按当前显示顺序。</numerusform>
        </translation>
    </message>
    <message>
        <source>Spreadsheet (XLSX)</source>
        <translation>电子表格（XLSX）</translation>
    </message>
    <message>
        <source>Comma-separated values (CSV)</source>
        <translation>逗号分隔值（CSV）</translation>
    </message>
    <message>
        <source>PDF, A4 landscape</source>
        <translation>PDF，A4横向</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Full ID numbers (recorded in the audit log with your name, the number of rows and the reason)</source>
        <translation>完整身份证号（将连同您的姓名、行数和原因记入审计日志）</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>Otherwise ID numbers are masked, as on screen (370102********1234).</source>
        <translation>否则身份证号将与屏幕显示一样部分隐藏（370102********1234）。</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1文件 (*.%2)</translation>
    </message>
    <message>
        <source>Say where the file goes.</source>
        <translation>请指定文件的保存位置。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹%1不存在。</translation>
    </message>
    <message>
        <source>Choose why the export needs full ID numbers, or leave them masked.</source>
        <translation>请选择导出完整身份证号的原因，或保持部分隐藏。</translation>
    </message>
</context>
<context>
    <name>adm::ui::ExportRun</name>
    <message>
        <source>Reading the view…</source>
        <translation>正在读取视图…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>%1 of %2 rows written…</source>
        <translation>已写入%1 / %2行…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
</context>
<context>
    <name>adm::ui::FilterBar</name>
    <message>
        <source>Submitted:</source>
        <translation>提交时间：</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every application of the queue again</source>
        <translation>重新显示队列中的全部申请</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>%1类</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>无类别</translation>
    </message>
    <message>
        <source>Flags: any</source>
        <translation>标记：不限</translation>
    </message>
    <message>
        <source>With any flag</source>
        <translation>有标记</translation>
    </message>
    <message>
        <source>Both channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <source>Only applications submitted on these days, from the first to the last</source>
        <translation>只显示在这些日期（从第一天到最后一天）提交的申请</translation>
    </message>
    <message>
        <source>Type a date as %1, or pick it in the calendar</source>
        <translation>请按%1格式输入日期，或在日历中选择</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <source>Pick a saved view (bin, filters and order), or type a name and press Save</source>
        <translation>选择已保存的视图（队列、筛选条件和排序），或输入名称后点击“保存”</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the bin, the filters and the order under the name typed</source>
        <translation>以输入的名称保存当前队列、筛选条件和排序</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Forget the saved view of this name</source>
        <translation>删除该名称的已保存视图</translation>
    </message>
    <message>
        <source>Information overdue</source>
        <translation>补充材料已逾期</translation>
    </message>
    <message>
        <source>Only information requests whose due date has passed</source>
        <translation>只显示已超过截止日期的补充材料要求</translation>
    </message>
    <message>
        <source>District %1 ×</source>
        <comment>a filter chip; × removes it</comment>
        <translation>区县 %1 ×</translation>
    </message>
    <message>
        <source>Only the applications to the schools of district %1. Press to remove this filter.</source>
        <translation>只显示报考区县 %1 各学校的申请。按下可去掉这个筛选条件。</translation>
    </message>
    <message>
        <source>Remove the filter: district %1</source>
        <translation>去掉筛选条件：区县 %1</translation>
    </message>
    <message>
        <source>Decisions by %1 that override the check</source>
        <comment>a filter chip</comment>
        <translation>%1 作出的、推翻自动核验的决定</translation>
    </message>
    <message>
        <source>Decisions by %1</source>
        <comment>a filter chip</comment>
        <translation>%1 作出的决定</translation>
    </message>
    <message>
        <source>Decisions that override the check</source>
        <comment>a filter chip</comment>
        <translation>推翻自动核验的决定</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <comment>a filter chip: its filter, then × that removes it</comment>
        <translation>%1 ×</translation>
    </message>
    <message>
        <source>Only the applications whose decision matches this. Press to remove this filter.</source>
        <translation>只显示决定符合此条件的申请。按下可去掉这个筛选条件。</translation>
    </message>
    <message>
        <source>Remove the filter: %1</source>
        <translation>去掉筛选条件：%1</translation>
    </message>
</context>
<context>
    <name>adm::ui::FirstRunWizard</name>
    <message>
        <source>Ready</source>
        <translation>设置完成</translation>
    </message>
    <message>
        <source>What was set up, and what comes next.</source>
        <translation>已完成的设置，以及接下来的步骤。</translation>
    </message>
    <message>
        <source>The workstation is set up, and %1 is its administrator.</source>
        <translation>工作站已设置完成，%1是其管理员。</translation>
    </message>
    <message>
        <source>Press Finish to open the workstation.</source>
        <translation>点击“完成”打开工作站。</translation>
    </message>
    <message>
        <source>Set up the workstation</source>
        <translation>设置工作站</translation>
    </message>
    <message>
        <source>&amp;Skip — work offline</source>
        <translation>跳过，离线工作(&amp;S)</translation>
    </message>
    <message>
        <source>It is connected to the city platform at %1 as workstation &quot;%2&quot;, and signs in there as %3. The city platform password is not stored: the workstation asks for it when it starts.</source>
        <translation>工作站已以“%2”的名称连接到位于%1的市级平台，并以账号%3登录。市级平台密码不会保存：工作站每次启动时都会询问。</translation>
    </message>
    <message>
        <source>It works offline. To connect it to a city platform later, an administrator runs: admissionsctl connect --hub URL --ca FILE</source>
        <translation>工作站将离线工作。以后如需连接市级平台，请管理员运行：admissionsctl connect --hub URL --ca FILE</translation>
    </message>
</context>
<context>
    <name>adm::ui::FirstUserPage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>This computer holds no workstation yet. Set up its first user.</source>
        <translation>本机尚未设置工作站。请设置第一个用户。</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>for example liu.fang</source>
        <translation>例如 liu.fang</translation>
    </message>
    <message>
        <source>At least %1 characters. A few words are easy to remember and hard to guess. A forgotten passphrase cannot be recovered.</source>
        <translation>至少%1个字符。由几个词组成的口令既好记又难猜。忘记的口令无法找回。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>用户名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase:</source>
        <translation>确认口令(&amp;F)：</translation>
    </message>
    <message>
        <source>Type the new user&apos;s name first.</source>
        <translation>请先输入新用户的用户名。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase in both fields.</source>
        <translation>两次输入的口令不一致。请在两个输入框中输入相同的口令。</translation>
    </message>
    <message>
        <source>The applications kept here are encrypted; only the passphrases of this workstation&apos;s users open them. The first user is the workstation&apos;s administrator: they can add other users and connect it to a city platform.</source>
        <translation>保存在本机的申请均已加密，只有本工作站用户的口令才能打开。第一个用户是工作站的管理员，可以添加其他用户，并将工作站连接到市级平台。</translation>
    </message>
</context>
<context>
    <name>adm::ui::HubSignInDialog</name>
    <message>
        <source>Account:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>离线工作(&amp;O)</translation>
    </message>
    <message>
        <source>Sync &amp;when it answers</source>
        <translation>平台恢复后同步(&amp;W)</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录%1…</translation>
    </message>
    <message>
        <source>Sign in to the city platform</source>
        <translation>登录市级平台</translation>
    </message>
    <message>
        <source>Sign in to the city platform to receive new applications and send your decisions. The password is not stored on this computer.</source>
        <translation>登录市级平台以接收新申请并发送您的审核决定。密码不会保存在本机。</translation>
    </message>
    <message>
        <source>City platform:</source>
        <translation>市级平台：</translation>
    </message>
    <message>
        <source>Type the city platform password of %1 first.</source>
        <translation>请先输入%1的市级平台密码。</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>取消登录(&amp;C)</translation>
    </message>
    <message>
        <source>Sign-in cancelled. Type the password to try again, or work offline: decisions wait in the outbox.</source>
        <translation>已取消登录。重新输入密码可再次尝试，也可以离线工作：审核决定将保留在待上传队列中。</translation>
    </message>
</context>
<context>
    <name>adm::ui::LegendDialog</name>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Categories (claimed by the family, found by the check)</source>
        <translation>类别（家庭申报的类别与核验得出的类别）</translation>
    </message>
    <message>
        <source>Flag colours</source>
        <translation>标记颜色</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
</context>
<context>
    <name>adm::ui::MainWindow</name>
    <message>
        <source>&amp;Workstation</source>
        <translation>工作站(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Admissions Workstation</source>
        <translation>招生审核工作站</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>审核(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>通过(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <source>Request &amp;information…</source>
        <translation>要求补充材料(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Undo last decision</source>
        <translation>撤销上一个决定(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next application</source>
        <translation>下一份申请(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous application</source>
        <translation>上一份申请(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>取消同步(&amp;C)</translation>
    </message>
    <message>
        <source>What the cache &amp;holds…</source>
        <translation>本地缓存内容(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>The workstation is locked. Its data is closed and off the screen.</source>
        <translation>工作站已锁定。数据已关闭，并已从屏幕上移除。</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>解锁(&amp;U)…</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>同步完成。</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>同步已停止：%1</translation>
    </message>
    <message>
        <source>The cache cannot be read.</source>
        <translation>无法读取本地缓存。</translation>
    </message>
    <message>
        <source>Choose an application first.</source>
        <translation>请先选择一份申请。</translation>
    </message>
    <message>
        <source>the child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>guardian %1</source>
        <translation>第%1位监护人</translation>
    </message>
    <message>
        <source>Not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <comment>window title: the program, the user, the role</comment>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <source>Read only: a counter clerk reads the queues and does not decide.</source>
        <translation>只读：窗口受理员可查看队列，但不作审核决定。</translation>
    </message>
    <message>
        <source>Read only: a bureau supervisor reads the queues and does not decide.</source>
        <translation>只读：教育局督导可查看队列，但不作审核决定。</translation>
    </message>
    <message>
        <source>Read only: this school does not let its principal decide.</source>
        <translation>只读：本校不允许校长作出审核决定。</translation>
    </message>
    <message>
        <source>Read only: this role does not decide.</source>
        <translation>只读：此角色不作审核决定。</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>添加内部备注(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Legend: categories and flags…</source>
        <translation>图例：类别和标记(&amp;L)…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Note added to %1 (kept on this workstation only).</source>
        <translation>已为%1添加内部备注（仅保存在本工作站）。</translation>
    </message>
    <message>
        <source>Switch between the &amp;queue and the detail</source>
        <translation>在队列和详情之间切换(&amp;Q)</translation>
    </message>
    <message>
        <source>Show the bin &quot;%1&quot;</source>
        <translation>显示队列“%1”</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Bins</source>
        <translation>切换队列(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Sync first and quit</source>
        <translation>先同步再退出(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>仍然退出(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) of yours have not been sent to the city platform yet. They stay in the encrypted cache and are sent at the next sync.</source>
        <translation>
            <numerusform>您有%n个审核决定尚未发送到市级平台。这些决定保留在加密的本地缓存中，将在下次同步时发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Decisions not sent</source>
        <translation>审核决定未发送</translation>
    </message>
    <message>
        <source>Sending your decisions before quitting…</source>
        <translation>正在发送您的审核决定，然后退出…</translation>
    </message>
    <message>
        <source>Not everything was sent</source>
        <translation>未能全部发送</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) could not be sent. They wait in the outbox for the next sync.</source>
        <translation>
            <numerusform>%n个审核决定未能发送。这些决定将保留在待上传队列中，等待下次同步。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The sync failed: %1. %n decision(s) wait in the outbox for the next sync.</source>
        <translation>
            <numerusform>同步失败：%1。%n个审核决定保留在待上传队列中，等待下次同步。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign &amp;in to the city platform…</source>
        <translation>登录市级平台(&amp;I)…</translation>
    </message>
    <message>
        <source>A sync is already under way (%1). Another one follows it.</source>
        <translation>同步正在进行（%1），完成后将再同步一次。</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>窗口(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New counter application…</source>
        <translation>新建窗口申请(&amp;N)…</translation>
    </message>
    <message>
        <source>Type a walk-in family&apos;s paper application at the counter</source>
        <translation>在窗口录入现场家庭的纸质申请</translation>
    </message>
    <message>
        <source>Counter &amp;intake</source>
        <translation>窗口受理(&amp;I)</translation>
    </message>
    <message>
        <source>The counter: today&apos;s walk-in applications, their receipts, a new one</source>
        <translation>窗口：今日现场受理的申请、回执及新申请</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Sign-o&amp;ff</source>
        <translation>签发(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Sign-off…</source>
        <translation>签发(&amp;S)…</translation>
    </message>
    <message>
        <source>Review the school&apos;s decisions in batches and sign them</source>
        <translation>分批审阅学校的决定并签署</translation>
    </message>
    <message>
        <source>&amp;Declared relatives…</source>
        <translation>申报的亲属(&amp;D)…</translation>
    </message>
    <message>
        <source>The ID numbers of your relatives: you will not decide their applications</source>
        <translation>您亲属的身份证号：您不会决定他们的申请</translation>
    </message>
    <message>
        <source>&amp;Dashboard…</source>
        <translation>看板(&amp;D)…</translation>
    </message>
    <message>
        <source>Where enrolment stands in the city, a district or a school, and where it goes wrong</source>
        <translation>全市、区县或学校的招生进展，以及问题所在</translation>
    </message>
    <message>
        <source>S&amp;upervision</source>
        <translation>监管(&amp;U)</translation>
    </message>
</context>
<context>
    <name>adm::ui::NewBatchDialog</name>
    <message>
        <source>New batch</source>
        <translation>新建批次</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message numerus="yes">
        <source>Approvals only (%n)</source>
        <translation>
            <numerusform>仅录取（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejections only (%n)</source>
        <translation>
            <numerusform>仅不录取（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approvals and rejections (%n)</source>
        <translation>
            <numerusform>录取和不录取（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Decisions:</source>
        <translation>决定(&amp;D)：</translation>
    </message>
    <message>
        <source>Only decisions made &amp;between these dates</source>
        <translation>仅限这些日期之间(&amp;B)作出的决定</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>至(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Make the batch</source>
        <translation>生成批次(&amp;M)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Give the batch a title.</source>
        <translation>请为批次填写标题。</translation>
    </message>
    <message numerus="yes">
        <source>The batch will hold %n decision(s).</source>
        <translation>
            <numerusform>该批次将包含 %n 项决定。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::NoteDialog</name>
    <message>
        <source>Internal note on %1</source>
        <translation>%1的内部备注</translation>
    </message>
    <message>
        <source>Internal, not shown to the family. Kept on this workstation only, in its encrypted cache; your name and the time are recorded with it.</source>
        <translation>内部备注，不向家庭显示。仅保存在本工作站的加密本地缓存中，并记录您的姓名和时间。</translation>
    </message>
    <message>
        <source>What a colleague should know (a phone call, a document seen at the counter…)</source>
        <translation>同事需要了解的情况（如一次电话沟通、在窗口查看过的证件…）</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>添加备注(&amp;A)</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>请先填写备注。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters; shorten it.</source>
        <translation>备注超过%1个字符，请精简。</translation>
    </message>
</context>
<context>
    <name>adm::ui::NotesSection</name>
    <message>
        <source>Internal, not shown to the family. Kept on this workstation only.</source>
        <translation>内部备注，不向家庭显示。仅保存在本工作站。</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>暂无内部备注。</translation>
    </message>
    <message>
        <source>Add note… (N)</source>
        <translation>添加内部备注…（N）</translation>
    </message>
</context>
<context>
    <name>adm::ui::PassphraseDialog</name>
    <message>
        <source>Sign the batch</source>
        <translation>签署批次</translation>
    </message>
    <message>
        <source>Generate a signing key</source>
        <translation>生成签名密钥</translation>
    </message>
    <message>
        <source>Ed25519 (recommended)</source>
        <translation>Ed25519（推荐）</translation>
    </message>
    <message>
        <source>SM2 with SM3 (national algorithms)</source>
        <translation>SM2/SM3（国密算法）</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>算法(&amp;A)：</translation>
    </message>
    <message>
        <source>The key is made on this workstation and kept in the cache, locked with your own passphrase: no other user can sign with it. Type your passphrase to make it.</source>
        <translation>密钥在本工作站生成并保存在缓存中，用您自己的口令锁定：其他用户无法用它签名。请输入您的口令以生成密钥。</translation>
    </message>
    <message>
        <source>Your &amp;passphrase:</source>
        <translation>您的口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>签署(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>adm::ui::QueuePane</name>
    <message>
        <source>counting… %1</source>
        <translation>正在统计… %1</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>%n份申请</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>No application matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的申请。</translation>
    </message>
    <message>
        <source>No application in this queue.</source>
        <translation>此队列中没有申请。</translation>
    </message>
    <message>
        <source>Search: application number, ID number, phone, child&apos;s or guardian&apos;s name  ( / )</source>
        <translation>搜索：申请编号、身份证号、电话、儿童或监护人姓名  ( / )</translation>
    </message>
</context>
<context>
    <name>adm::ui::RelativesDialog</name>
    <message>
        <source>Declared relatives</source>
        <translation>申报的亲属</translation>
    </message>
    <message>
        <source>Declare the ID numbers of your relatives. You will not decide or sign an application naming one of them as child or guardian: someone else does. The numbers stay encrypted on this workstation and are never sent to the city platform.</source>
        <translation>请申报您亲属的身份证号。凡将其中一人列为儿童或监护人的申请，您都不会决定或签署，而由其他人处理。这些号码加密保存在本工作站，绝不会发送到市级平台。</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>申报时间</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>N&amp;ote (optional):</source>
        <translation>备注（可选）(&amp;O)：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Declare</source>
        <translation>申报(&amp;D)</translation>
    </message>
    <message>
        <source>The cache cannot be read.</source>
        <translation>无法读取缓存。</translation>
    </message>
    <message>
        <source>Declared. Applications naming this person will go to someone else.</source>
        <translation>已申报。列有此人的申请将交由其他人处理。</translation>
    </message>
    <message>
        <source>You had declared this person already.</source>
        <translation>您已申报过此人。</translation>
    </message>
</context>
<context>
    <name>adm::ui::ReturnNoteDialog</name>
    <message>
        <source>Return to the officer</source>
        <translation>退回经办人</translation>
    </message>
    <message>
        <source>Application %1 leaves the batch and goes back to the officer who decided it, with your note. It stays out of new batches until it is decided again.</source>
        <translation>申请 %1 将移出批次，连同您的备注退回作出决定的经办人。在重新决定之前，它不会进入新的批次。</translation>
    </message>
    <message>
        <source>&amp;Note for the officer:</source>
        <translation>给经办人的备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>退回(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>adm::ui::RevealDialog</name>
    <message>
        <source>Show the full ID number</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <source>You are about to see the full ID number of %1 on application %2. This is recorded in the audit log with your name and the reason.</source>
        <translation>您即将查看申请%2中%1的完整身份证号。此操作将连同您的姓名和原因记入审计日志。</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>Choose why you need to see the number.</source>
        <translation>请选择需要查看该号码的原因。</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
</context>
<context>
    <name>adm::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>When nobody has used the workstation for this long, it locks: the data is closed and taken off the screen until the passphrase is typed again.</source>
        <translation>工作站闲置达到此时长后将自动锁定：数据将关闭并从屏幕上移除，直到再次输入口令。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>闲置锁定时间(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>adm::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>In the whole window</source>
        <translation>在整个窗口中</translation>
    </message>
    <message>
        <source>In the queue, the detail pane and the dialogs</source>
        <translation>在队列、详情窗格和对话框中</translation>
    </message>
    <message>
        <source>Move through the queue</source>
        <translation>在队列中移动</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Open the selected application at once</source>
        <translation>立即打开所选申请</translation>
    </message>
    <message>
        <source>The menu of the selected row</source>
        <translation>所选行的菜单</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>From the queue to the detail pane&apos;s buttons</source>
        <translation>从队列跳到详情窗格的按钮</translation>
    </message>
    <message>
        <source>Scroll the detail pane (after F6)</source>
        <translation>滚动详情窗格（按 F6 之后）</translation>
    </message>
    <message>
        <source>%1, %2, %3, %4</source>
        <translation>%1、%2、%3、%4</translation>
    </message>
    <message>
        <source>Clear the search (in the search field)</source>
        <translation>清除搜索内容（在搜索框中）</translation>
    </message>
    <message>
        <source>Decide in a dialog, also from its text box</source>
        <translation>在对话框中提交决定（在其文本框中也可以）</translation>
    </message>
    <message>
        <source>Cancel a dialog</source>
        <translation>取消对话框</translation>
    </message>
</context>
<context>
    <name>adm::ui::SignOffWindow</name>
    <message>
        <source>Sign-off — %1</source>
        <translation>签发 — %1</translation>
    </message>
    <message>
        <source>&amp;Generate a new signing key…</source>
        <translation>生成新的签名密钥(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Generate signing key…</source>
        <translation>生成签名密钥(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Batches</source>
        <translation>批次(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Make again without the moved items</source>
        <translation>去掉已变动的项目后重新生成(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;New batch…</source>
        <translation>新建批次(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Discard draft</source>
        <translation>放弃草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Return to officer…</source>
        <translation>退回经办人(&amp;R)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>签署(&amp;S)…</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Why it is an override</source>
        <translation>为何属于改判</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Officer&apos;s reason</source>
        <translation>经办人理由</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>已查看</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Declared by</source>
        <translation>申报人</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>Note for the officer</source>
        <translation>给经办人的备注</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回时间</translation>
    </message>
    <message>
        <source>The cache cannot be read.</source>
        <translation>无法读取缓存。</translation>
    </message>
    <message numerus="yes">
        <source>Draft, not signed: %n override(s) still to mark seen.</source>
        <translation>
            <numerusform>草稿，未签署：还有 %n 项改判待标记为已查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft, not signed yet.</source>
        <translation>草稿，尚未签署。</translation>
    </message>
    <message>
        <source>Signed %1; it goes to the city platform at the next sync.</source>
        <translation>已于 %1 签署；将在下次同步时发送到市级平台。</translation>
    </message>
    <message>
        <source>Sent to the city platform; its answer has not come yet.</source>
        <translation>已发送到市级平台；尚未收到答复。</translation>
    </message>
    <message>
        <source>Accepted by the city platform.</source>
        <translation>市级平台已接受。</translation>
    </message>
    <message>
        <source>Refused: application %1 moved on at the city platform since you signed.</source>
        <translation>被拒绝：您签署后，申请 %1 在市级平台上已有变动。</translation>
    </message>
    <message>
        <source>Refused as a conflict; made again as a new draft.</source>
        <translation>因冲突被拒绝；已重新生成为新草稿。</translation>
    </message>
    <message>
        <source>Refused: the city platform could not accept it (%1).</source>
        <translation>被拒绝：市级平台无法接受（%1）。</translation>
    </message>
    <message>
        <source>Refused; made again as a new draft.</source>
        <translation>被拒绝；已重新生成为新草稿。</translation>
    </message>
    <message>
        <source>Approve, category %1</source>
        <translation>录取，%1 类</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不录取</translation>
    </message>
    <message>
        <source>The check found category %1</source>
        <translation>自动核查结果为 %1 类</translation>
    </message>
    <message>
        <source>The check found no category</source>
        <translation>自动核查未找到类别</translation>
    </message>
    <message>
        <source>Approved without a check result</source>
        <translation>无核查结果即录取</translation>
    </message>
    <message>
        <source>No city platform account is known for you on this workstation: sign in to the city platform once, then sign batches.</source>
        <translation>本工作站上没有您的市级平台账号：请先登录一次市级平台，再签署批次。</translation>
    </message>
    <message>
        <source>Signing key (%1): fingerprint %2. %3</source>
        <translation>签名密钥（%1）：指纹 %2。%3</translation>
    </message>
    <message>
        <source>SM2 with SM3</source>
        <translation>SM2/SM3</translation>
    </message>
    <message>
        <source>Registered with the city platform.</source>
        <translation>已在市级平台登记。</translation>
    </message>
    <message>
        <source>Goes to the city platform at the next sync.</source>
        <translation>将在下次同步时发送到市级平台。</translation>
    </message>
    <message>
        <source>You have no signing key yet: generate one before you sign.</source>
        <translation>您还没有签名密钥：请在签署前生成一个。</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n decision(s) · %2</source>
        <translation>
            <numerusform>%1
%n 项决定 · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache holds no application of your school yet: sync first.</source>
        <translation>缓存中还没有贵校的申请：请先同步。</translation>
    </message>
    <message>
        <source>Decisions accepted by the city platform and in no batch: %1 approvals, %2 rejections.</source>
        <translation>市级平台已接受但未进入批次的决定：录取 %1 项，不录取 %2 项。</translation>
    </message>
    <message>
        <source>No batch yet: make one with New batch… (Ctrl+N).</source>
        <translation>还没有批次：用“新建批次…”（Ctrl+N）生成一个。</translation>
    </message>
    <message>
        <source>Choose a batch on the left.</source>
        <translation>请在左侧选择一个批次。</translation>
    </message>
    <message>
        <source>%1 — made by %2 on %3</source>
        <translation>%1 — 由 %2 于 %3 生成</translation>
    </message>
    <message>
        <source>Signed with the key %1.</source>
        <translation>已用密钥 %1 签署。</translation>
    </message>
    <message>
        <source>%1: %2 approved for %3 seats.</source>
        <translation>%1：已录取 %2 人，学位 %3 个。</translation>
    </message>
    <message>
        <source>%1: %2 approved; the number of seats is not known.</source>
        <translation>%1：已录取 %2 人；学位数未知。</translation>
    </message>
    <message>
        <source>Category %1: %2 in this batch, %3 approved in all; with the categories before it %4 seats taken%5</source>
        <translation>%1 类：本批次 %2 人，共录取 %3 人；连同之前的类别共占用 %4 个学位%5</translation>
    </message>
    <message>
        <source> — over capacity</source>
        <translation> — 超出学位</translation>
    </message>
    <message>
        <source>Over capacity.</source>
        <translation>超出学位数。</translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation>尚未查看</translation>
    </message>
    <message>
        <source>%1 — who declared a relationship</source>
        <translation>%1 — 已申报亲属关系</translation>
    </message>
    <message>
        <source>You declared a relationship to a person on %1: return it to the officer; someone else signs it.</source>
        <translation>您申报了与 %1 中某人的亲属关系：请将其退回经办人，由其他人签署。</translation>
    </message>
    <message numerus="yes">
        <source>Mark each override seen (Space on its row): %n left.</source>
        <translation>
            <numerusform>请逐项将改判标记为已查看（在该行按空格键）：还剩 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every override was seen. The batch can be signed.</source>
        <translation>所有改判均已查看。可以签署该批次。</translation>
    </message>
    <message>
        <source>&amp;Overrides (%1)</source>
        <translation>改判（%1）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Flagged approvals (%1)</source>
        <translation>有标记的录取（%1）(&amp;F)</translation>
    </message>
    <message>
        <source>Declared re&amp;lationships (%1)</source>
        <translation>申报的亲属关系（%1）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;All items (%1)</source>
        <translation>全部项目（%1）(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;turned (%1)</source>
        <translation>已退回（%1）(&amp;T)</translation>
    </message>
    <message>
        <source>Override %1 marked seen.</source>
        <translation>改判 %1 已标记为已查看。</translation>
    </message>
    <message>
        <source>No decision waits for a batch: every accepted decision is in one. Sync to fetch new ones.</source>
        <translation>没有待进入批次的决定：所有已接受的决定都已在批次中。请同步以获取新的决定。</translation>
    </message>
    <message numerus="yes">
        <source>Batch &quot;%1&quot; made with %n decision(s). Look at it, then sign it.</source>
        <translation>
            <numerusform>已生成批次“%1”，含 %n 项决定。请审阅后签署。</numerusform>
        </translation>
    </message>
    <message>
        <source>You have no signing key yet: generate one first (Generate signing key…).</source>
        <translation>您还没有签名密钥：请先生成一个（生成签名密钥…）。</translation>
    </message>
    <message numerus="yes">
        <source>Mark every override seen before you sign: %n left (Space on its row).</source>
        <translation>
            <numerusform>签署前请将每项改判标记为已查看：还剩 %n 项（在该行按空格键）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>正在签署…</translation>
    </message>
    <message>
        <source>Signed &quot;%1&quot; with the key %2. It goes to the city platform at the next sync.</source>
        <translation>已用密钥 %2 签署“%1”。它将在下次同步时发送到市级平台。</translation>
    </message>
    <message>
        <source>Making the signing key…</source>
        <translation>正在生成签名密钥…</translation>
    </message>
    <message>
        <source>Signing key made. Its fingerprint is %1: note it, it is printed on the public notice.</source>
        <translation>签名密钥已生成。其指纹为 %1：请记下，公示名单上会印出该指纹。</translation>
    </message>
    <message>
        <source>Application %1 went back to its officer with your note.</source>
        <translation>申请 %1 已连同您的备注退回其经办人。</translation>
    </message>
    <message>
        <source>Exported to %1: batch.json (the signed bytes), batch.sig and signer.pem. docs/signoff.md says how to check them with openssl.</source>
        <translation>已导出到 %1：batch.json（签署的原始字节）、batch.sig 和 signer.pem。docs/signoff.md 说明了如何用 openssl 核验。</translation>
    </message>
    <message>
        <source>A new draft without %1 was made: look at it and sign it again.</source>
        <translation>已生成不含 %1 的新草稿：请审阅后重新签署。</translation>
    </message>
    <message>
        <source>any item</source>
        <translation>任何项目</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Discard the draft &quot;%1&quot;? Its decisions can go into another batch.</source>
        <translation>放弃草稿“%1”？其中的决定可以进入其他批次。</translation>
    </message>
    <message>
        <source>The draft was discarded.</source>
        <translation>草稿已放弃。</translation>
    </message>
    <message>
        <source>&amp;Public notice…</source>
        <translation>公示名单(&amp;P)…</translation>
    </message>
    <message>
        <source>The notice board&apos;s list (公示名单) of the children this signed batch admits, as a PDF: names masked, no ID numbers, a QR code of the batch id and its digest.</source>
        <translation>本已签批次录取儿童的公示名单（PDF）：姓名已遮蔽，不含身份证号，附批次编号及其摘要的二维码。</translation>
    </message>
    <message numerus="yes">
        <source>Public notice written to %1: %n admitted child(ren), names masked.</source>
        <translation>
            <numerusform>公示名单已写入 %1：录取儿童 %n 名，姓名已遮蔽。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::StatusStrip</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>待上传：%1</translation>
    </message>
    <message>
        <source>Decisions made here and not sent yet</source>
        <translation>本机已作出但尚未发送的审核决定</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>冲突：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No city platform</source>
        <translation>未接入市级平台</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a city platform: decisions wait in the outbox.</source>
        <translation>本工作站尚未接入市级平台：审核决定将保留在待上传队列中。</translation>
    </message>
    <message>
        <source>Offline, not signed in</source>
        <translation>离线，未登录</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Not signed in to the city platform: decisions wait in the outbox until you sign in.</source>
        <translation>尚未登录市级平台：审核决定将保留在待上传队列中，直到您登录。</translation>
    </message>
    <message>
        <source>Not answering</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>The city platform has not answered within the time a request may take; the sync keeps trying. Decisions wait in the outbox.</source>
        <translation>市级平台在请求时限内没有响应，同步会继续重试。审核决定保留在待上传队列中。</translation>
    </message>
</context>
<context>
    <name>adm::ui::SupervisionWindow</name>
    <message>
        <source>Supervision dashboard</source>
        <translation>监管看板</translation>
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation>范围(&amp;O)：</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Read the figures again (F5); they are read again after every sync.</source>
        <translation>重新读取数据（F5）；每次同步后会自动重新读取。</translation>
    </message>
    <message>
        <source>Repor&amp;t (PDF)…</source>
        <translation>报告 PDF(&amp;T)…</translation>
    </message>
    <message>
        <source>The whole dashboard with its charts as a PDF, dated and naming its scope (Ctrl+P).</source>
        <translation>将整个看板连同图表导出为 PDF，注明日期和范围（Ctrl+P）。</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>进度(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation>学位(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;hannels</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quality</source>
        <translation>质量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Reviewers</source>
        <translation>审核员(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Per da&amp;y</source>
        <translation>每日(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Approved against capacity: over capacity first, then the fullest</source>
        <translation>已通过与学位数对比：超额的在前，其次为占用最多的(&amp;A)</translation>
    </message>
    <message>
        <source>Checked &amp;category per school</source>
        <translation>各校核查类别(&amp;C)</translation>
    </message>
    <message>
        <source>F&amp;lags in the scope</source>
        <translation>范围内的标记(&amp;L)</translation>
    </message>
    <message>
        <source>Per school: flag rates, hours from submission to dec&amp;ision</source>
        <translation>各校：标记比例、从提交到决定的小时数(&amp;I)</translation>
    </message>
    <message>
        <source>Schools with applications and &amp;no decision for at least this many days:</source>
        <translation>有申请但至少这么多天没有决定的学校(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <source>The table last used on this tab, as CSV or XLSX (Ctrl+E).</source>
        <translation>将此标签页最近使用的表格导出为 CSV 或 XLSX（Ctrl+E）。</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>看板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>学位</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Dashboard &amp;report (PDF)…</source>
        <translation>看板报告 PDF(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>The figures cannot be read. Close the dashboard and open it again.</source>
        <translation>无法读取数据。请关闭看板后重新打开。</translation>
    </message>
    <message>
        <source>%1 · generated at %2</source>
        <translation>%1 · 生成于 %2</translation>
    </message>
    <message>
        <source>This workstation cannot tell yet.</source>
        <translation>本工作站暂时无法得出此数据。</translation>
    </message>
    <message>
        <source>Double-click a district, school, officer or flag (or press Enter) to open its queue.</source>
        <translation>双击区县、学校、审核员或标记（或按回车键）可打开对应的队列。</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Dashboard report</source>
        <translation>看板报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Open the matching queue</source>
        <translation>打开对应的队列(&amp;O)</translation>
    </message>
    <message>
        <source>%1 — %2 — generated at %3</source>
        <comment>table title, scope, time</comment>
        <translation>%1 — %2 — 生成于 %3</translation>
    </message>
    <message>
        <source>An export is being written; try again in a moment.</source>
        <translation>正在写入导出文件，请稍后再试。</translation>
    </message>
    <message>
        <source>Choose a file ending in .csv or .xlsx.</source>
        <translation>请选择以 .csv 或 .xlsx 结尾的文件。</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Cannot write %1. Choose another folder.</source>
        <translation>无法写入 %1。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
</context>
<context>
    <name>adm::ui::UnlockDialog</name>
    <message>
        <source>Unlock the workstation</source>
        <translation>解锁工作站</translation>
    </message>
    <message>
        <source>The applications on this workstation are encrypted. Choose your name and type your passphrase.</source>
        <translation>本工作站上的入学申请已加密。请选择您的用户名并输入口令。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>请先输入口令。</translation>
    </message>
</context>
<context>
    <name>adm::ui::sections</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>%1, born %2</source>
        <translation>%1，出生于%2</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>%1 of %2 seats approved</source>
        <translation>%2个学位中已通过%1个</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>学位</translation>
    </message>
    <message>
        <source>Claimed category</source>
        <translation>申报类别</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Claimed address</source>
        <translation>申报地址</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>%1, submitted %2</source>
        <translation>%1，提交于%2</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full ID number; the reason goes to the audit log.</source>
        <translation>显示完整身份证号；查看原因将记入审计日志。</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>No automatic check: %1</source>
        <translation>未进行自动核验：%1</translation>
    </message>
    <message>
        <source>Category %1: eligible.</source>
        <translation>%1类：符合条件。</translation>
    </message>
    <message>
        <source>No category: not eligible by the automatic check.</source>
        <translation>无类别：自动核验结果为不符合条件。</translation>
    </message>
    <message>
        <source>The family claimed category %1.</source>
        <translation>家庭申报为%1类。</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>您的决定</translation>
    </message>
    <message>
        <source>Now upstream</source>
        <translation>市级平台当前状态</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>%1类</translation>
    </message>
    <message>
        <source>made on version %1</source>
        <translation>基于版本%1作出</translation>
    </message>
    <message>
        <source>removed upstream</source>
        <translation>已在市级平台删除</translation>
    </message>
    <message>
        <source>decided: %1</source>
        <translation>已决定：%1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本%1</translation>
    </message>
    <message>
        <source>not known yet: sync first</source>
        <translation>尚不清楚：请先同步</translation>
    </message>
    <message>
        <source>Press A, R or I to decide again.</source>
        <translation>按 A、R 或 I 重新决定。</translation>
    </message>
    <message>
        <source>Drop my decision</source>
        <translation>放弃我的决定</translation>
    </message>
    <message>
        <source>None: no other application for this child or this property.</source>
        <translation>无：该儿童或该房产没有其他申请。</translation>
    </message>
    <message>
        <source>same child</source>
        <translation>同一儿童</translation>
    </message>
    <message>
        <source>same property</source>
        <translation>同一房产</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 (%5)</source>
        <translation>%1 · %2 · %3 · %4（%5）</translation>
    </message>
    <message>
        <source>Sent to the family:</source>
        <translation>已发送给家庭：</translation>
    </message>
    <message>
        <source>Due %1: overdue, no answer recorded</source>
        <translation>截止日期%1：已逾期，尚未记录答复</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>截止日期%1</translation>
    </message>
    <message>
        <source>%1, category %2</source>
        <translation>%1，%2类</translation>
    </message>
    <message>
        <source>%1; reason: %2</source>
        <translation>%1；原因：%2</translation>
    </message>
    <message>
        <source>%1 (decided here)</source>
        <translation>%1（本机决定）</translation>
    </message>
    <message>
        <source>%1 (from the platform)</source>
        <translation>%1（来自市级平台）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审核决定</translation>
    </message>
    <message>
        <source>The city platform said: %1</source>
        <translation>市级平台答复：%1</translation>
    </message>
</context>
<context>
    <name>adm::views</name>
    <message>
        <source>%1 in category %2</source>
        <translation>%1，%2类</translation>
    </message>
    <message>
        <source>%1 (decided here, waiting to be sent)</source>
        <translation>%1（本机决定，待上传）</translation>
    </message>
    <message>
        <source>%1 (decided here, refused: the application changed upstream)</source>
        <translation>%1（本机决定，被拒收：申请已在市级平台变更）</translation>
    </message>
    <message>
        <source>%1 (decided here, replaced by a later decision)</source>
        <translation>%1（本机决定，已被后来的决定取代）</translation>
    </message>
    <message>
        <source>%1 (decided here, then withdrawn)</source>
        <translation>%1（本机决定，后已撤回）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Submitted at a counter</source>
        <translation>窗口提交</translation>
    </message>
    <message>
        <source>Submitted online</source>
        <translation>网上提交</translation>
    </message>
    <message>
        <source>Decided upstream: %1</source>
        <translation>市级平台审核决定：%1</translation>
    </message>
    <message>
        <source>%1, category %2</source>
        <translation>%1，%2类</translation>
    </message>
    <message>
        <source>%1; reason: %2</source>
        <translation>%1；原因：%2</translation>
    </message>
    <message>
        <source>ID number shown (%1)</source>
        <translation>已显示完整身份证号（%1）</translation>
    </message>
    <message>
        <source>Application %1 is no longer on this workstation.</source>
        <translation>申请%1已不在本工作站上。</translation>
    </message>
    <message>
        <source>%1 (decided here, taken by the city platform)</source>
        <translation>%1（本机决定，市级平台已接收）</translation>
    </message>
    <message>
        <source>%1 (decided here, refused by the city platform as invalid)</source>
        <translation>%1（本机决定，市级平台以无效为由拒收）</translation>
    </message>
</context>
<context>
    <name>adm::views::ApplicantNotes</name>
    <message>
        <source>Write the note first.</source>
        <translation>请先填写备注。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters; shorten it.</source>
        <translation>备注超过%1个字符，请精简。</translation>
    </message>
    <message>
        <source>Application %1 is no longer on this workstation.</source>
        <translation>申请%1已不在本工作站上。</translation>
    </message>
</context>
<context>
    <name>adm::views::BinCountsModel</name>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>adm::views::FirstRunSetup</name>
    <message>
        <source>The workstation is already set up.</source>
        <translation>此工作站已完成设置。</translation>
    </message>
</context>
<context>
    <name>adm::views::QueueModel</name>
    <message>
        <source>No flags</source>
        <translation>无标记</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>出生于%1</translation>
    </message>
    <message>
        <source>The check found %1; the family claimed %2.</source>
        <translation>核验类别：%1；家庭申报：%2。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>申报类别</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>核验类别</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>The category the family claimed</source>
        <translation>家庭申报的类别</translation>
    </message>
    <message>
        <source>The category the automatic check found</source>
        <translation>自动核验得出的类别</translation>
    </message>
    <message>
        <source>The city platform did not take a decision made here: open it to decide again or drop it.</source>
        <translation>市级平台未接受本机作出的审核决定：请打开该申请重新决定，或放弃该决定。</translation>
    </message>
</context>
<context>
    <name>adm::views::QueueWorker</name>
    <message>
        <source>The cache cannot be read.</source>
        <translation>无法读取本地缓存。</translation>
    </message>
</context>
<context>
    <name>adm::views::RecordTreeModel</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>记录ID</translation>
    </message>
    <message>
        <source>Agency&apos;s record number</source>
        <translation>部门记录编号</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Fetched at</source>
        <translation>获取时间</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>People</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>admissionsctl</name>
    <message numerus="yes">
        <source>%n item(s) wait for a decision: admissionsctl conflicts</source>
        <translation>
            <numerusform>有%n个条目等待决定：admissionsctl conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>set up a workstation and its first user</source>
        <translation>初始化工作站及首个用户</translation>
    </message>
    <message>
        <source>add, list and change local users</source>
        <translation>添加、列出和修改本机用户</translation>
    </message>
    <message>
        <source>export the recovery key</source>
        <translation>导出恢复密钥</translation>
    </message>
    <message>
        <source>generate a synthetic city</source>
        <translation>生成模拟城市数据</translation>
    </message>
    <message>
        <source>import an offline bundle</source>
        <translation>导入离线数据包</translation>
    </message>
    <message>
        <source>count what the cache holds</source>
        <translation>统计本地缓存的内容</translation>
    </message>
    <message>
        <source>check an ID number</source>
        <translation>校验身份证号</translation>
    </message>
    <message>
        <source>enrol with a hub and its CA</source>
        <translation>接入市级平台并指定其CA</translation>
    </message>
    <message>
        <source>check and remember a hub account</source>
        <translation>验证并记住市级平台账号</translation>
    </message>
    <message>
        <source>send the outbox, receive changes</source>
        <translation>发送待上传队列，接收变更</translation>
    </message>
    <message>
        <source>list what waits to go upstream</source>
        <translation>列出待上传的内容</translation>
    </message>
    <message>
        <source>list or drop refused items</source>
        <translation>列出或放弃被拒收的条目</translation>
    </message>
    <message>
        <source>approve, reject or request info</source>
        <translation>通过、驳回或要求补充材料</translation>
    </message>
    <message>
        <source>list the standard reason codes</source>
        <translation>列出标准原因代码</translation>
    </message>
    <message>
        <source>check applications given in a file</source>
        <translation>核验文件中给出的申请</translation>
    </message>
    <message>
        <source>explain the check of one application</source>
        <translation>说明一份申请的核验结果</translation>
    </message>
    <message>
        <source>check the cache&apos;s applications</source>
        <translation>核验本地缓存中的申请</translation>
    </message>
    <message>
        <source>Usage: admissionsctl COMMAND [options]</source>
        <translation>用法：admissionsctl COMMAND [options]</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Every command takes --data-dir DIR. &quot;admissionsctl COMMAND --help&quot; shows its options.
Exit codes: 0 done, 1 no, 2 bad usage or input, 3 wrong passphrase, 4 damaged or foreign cache, 5 hub unreachable or certificate refused, 6 hub sign-in refused.</source>
        <translation>每个命令都接受 --data-dir DIR。&quot;admissionsctl COMMAND --help&quot; 显示该命令的选项。
退出码：0 完成，1 否，2 用法或输入有误，3 口令错误，4 本地缓存损坏或不属于本工作站，5 无法连接市级平台或证书被拒绝，6 市级平台拒绝登录。</translation>
    </message>
    <message>
        <source>How many applications (1 to 1000000).</source>
        <translation>申请数量（1 至 1000000）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The seed; the same seed gives the same bytes.</source>
        <translation>随机种子；相同的种子生成完全相同的数据。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Write the change feed (JSON lines) to FILE.</source>
        <translation>将变更流（JSON Lines）写入 FILE。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Also write the true category and flags of each application to FILE.</source>
        <translation>同时将每份申请的真实类别和标记写入 FILE。</translation>
    </message>
    <message>
        <source>Generate a synthetic city as an offline bundle (docs/change-feed-format.md).</source>
        <translation>生成一座模拟城市的合成数据，作为离线数据包（见 docs/change-feed-format.md）。</translation>
    </message>
    <message>
        <source>--applications takes a whole number from 1 to 1000000, not &quot;%1&quot;.</source>
        <translation>--applications 须为 1 至 1000000 之间的整数，而不是“%1”。</translation>
    </message>
    <message>
        <source>--seed takes a non-negative whole number, not &quot;%1&quot;.</source>
        <translation>--seed 须为非负整数，而不是“%1”。</translation>
    </message>
    <message>
        <source>say where to write the city: --out FILE</source>
        <translation>请指定城市数据的写入位置：--out FILE</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入%1：%2</translation>
    </message>
    <message>
        <source>cannot finish writing the output: %1</source>
        <translation>无法完成输出写入：%1</translation>
    </message>
    <message>
        <source>Generated a city of %1 applications (seed %2) in %3 s.</source>
        <translation>已生成含%1份申请的城市数据（种子%2），用时%3秒。</translation>
    </message>
    <message>
        <source>Do not run the eligibility check on what the bundle changed.</source>
        <translation>不对数据包变更的内容运行资格核验。</translation>
    </message>
    <message>
        <source>Apply an offline bundle (JSON lines of the change feed) to the cache, then check what changed. Importing the same bundle again changes nothing.</source>
        <translation>将离线数据包（变更流的 JSON Lines）导入本地缓存，然后核验有变更的内容。重复导入同一数据包不会产生任何变更。</translation>
    </message>
    <message>
        <source>The bundle to import.</source>
        <translation>要导入的数据包。</translation>
    </message>
    <message>
        <source>usage: import FILE</source>
        <translation>用法：import FILE</translation>
    </message>
    <message>
        <source>--batch-size takes a whole number from 1 to 1000000, not &quot;%1&quot;.</source>
        <translation>--batch-size 须为 1 至 1000000 之间的整数，而不是“%1”。</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取%1：%2</translation>
    </message>
    <message>
        <source>Importing: %1% (%2 changes, %3 s)</source>
        <translation>正在导入：%1%（%2项变更，%3秒）</translation>
    </message>
    <message>
        <source>%1. The batches before it are imported; correct the bundle and import it again.</source>
        <translation>%1。此前的批次已导入；请修正数据包后重新导入。</translation>
    </message>
    <message>
        <source>Imported %1 changes in %2 s: %3 new or updated, %4 deleted, %5 already up to date.</source>
        <translation>已导入%1项变更，用时%2秒：新增或更新%3项，删除%4项，%5项已是最新。</translation>
    </message>
    <message>
        <source>Checking eligibility: %1 of %2 applications</source>
        <translation>正在核验资格：%1 / %2 份申请</translation>
    </message>
    <message>
        <source>Checked %1 applications in %2 s; %3 changed.</source>
        <translation>已核验%1份申请，用时%2秒；%3份结果有变化。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>以JSON格式输出。</translation>
    </message>
    <message>
        <source>Counts in the cache: per entity, per dataset, per status and per channel.</source>
        <translation>本地缓存中的数量统计：按实体、数据集、状态和渠道分列。</translation>
    </message>
    <message>
        <source>Approve the application.</source>
        <translation>通过该申请。</translation>
    </message>
    <message>
        <source>Reject it (needs --reason).</source>
        <translation>驳回该申请（须指定 --reason）。</translation>
    </message>
    <message>
        <source>Ask the family for information (needs --note saying what).</source>
        <translation>要求家庭补充材料（须用 --note 写明所需内容）。</translation>
    </message>
    <message>
        <source>With --approve: the category admitted (default: the one the check found).</source>
        <translation>与 --approve 一起使用：录取类别（默认为核验得出的类别）。</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>A standard reason code (admissionsctl reasons); needed unless approving in the category the check found.</source>
        <translation>标准原因代码（见 admissionsctl reasons）；除按核验得出的类别通过外，均须填写。</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>A note for the file.</source>
        <translation>记入档案的备注。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Print the queued outbox item as JSON.</source>
        <translation>以JSON格式输出加入待上传队列的条目。</translation>
    </message>
    <message>
        <source>Decide on an application. The decision waits in the outbox (with its audit entry) until the next sync; if the application changed upstream meanwhile, it comes back as a conflict. Deciding again on an application whose decision came back supersedes it.</source>
        <translation>对申请作出审核决定。该决定（连同其审计日志条目）在待上传队列中等到下次同步；如果在此期间申请已在市级平台变更，该决定将作为冲突退回。对决定被退回的申请重新作出决定，将取代原决定。</translation>
    </message>
    <message>
        <source>The application number, e.g. A2026000123.</source>
        <translation>申请编号，例如 A2026000123。</translation>
    </message>
    <message>
        <source>say exactly one of --approve, --reject, --request-info</source>
        <translation>请在 --approve、--reject、--request-info 中指定且仅指定一项</translation>
    </message>
    <message>
        <source>Decision on %1 queued as outbox item %2; it goes upstream at the next sync.</source>
        <translation>对%1的审核决定已加入待上传队列（条目%2），将在下次同步时上传至市级平台。</translation>
    </message>
    <message>
        <source>Print JSON: {&quot;items&quot;: [...], &quot;audit&quot;: {...}}.</source>
        <translation>以JSON格式输出：{&quot;items&quot;: [...], &quot;audit&quot;: {...}}。</translation>
    </message>
    <message>
        <source>Also list what was sent, superseded or dropped.</source>
        <translation>同时列出已发送、已被取代或已放弃的条目。</translation>
    </message>
    <message>
        <source>What waits to go upstream: decisions, counter applications, signing keys, batches, and the audit entries the hub does not have yet.</source>
        <translation>列出等待上传至市级平台的内容：审核决定、窗口受理的申请、签名密钥、批次，以及市级平台尚未收到的审计日志条目。</translation>
    </message>
    <message>
        <source>%1 item(s); %2 audit entries not yet upstream.</source>
        <translation>%1个条目；%2条审计日志条目尚未上传。</translation>
    </message>
    <message>
        <source>The hub refused an audit entry: %1</source>
        <translation>市级平台拒收了一条审计日志条目：%1</translation>
    </message>
    <message>
        <source>Print JSON: both versions of each conflict.</source>
        <translation>以JSON格式输出：每项冲突的两个版本。</translation>
    </message>
    <message>
        <source>What the hub did not take (conflict or invalid), with your version and the current upstream one. Resolve by deciding again (admissionsctl decide APP_ID ...), which supersedes the item, or with: conflicts drop ITEM.</source>
        <translation>列出市级平台未接受的条目（冲突或无效），以及您的版本和市级平台的当前版本。处理方法：重新作出决定（admissionsctl decide APP_ID ...）以取代该条目，或执行 conflicts drop ITEM 放弃该条目。</translation>
    </message>
    <message>
        <source>[drop ITEM]</source>
        <translation>[drop ITEM]</translation>
    </message>
    <message>
        <source>usage: conflicts [--json] | conflicts drop ITEM</source>
        <translation>用法：conflicts [--json] | conflicts drop ITEM</translation>
    </message>
    <message>
        <source>ITEM is the number outbox or conflicts shows, not &quot;%1&quot;.</source>
        <translation>ITEM 应为 outbox 或 conflicts 显示的编号，而不是“%1”。</translation>
    </message>
    <message>
        <source>Dropped outbox item %1; it will not be sent.</source>
        <translation>已放弃待上传条目%1，该条目不会被发送。</translation>
    </message>
    <message>
        <source>Item %1 (%2 %3): %4 %5 %6</source>
        <translation>条目%1（%2 %3）：%4 %5 %6</translation>
    </message>
    <message>
        <source>yours:    %1</source>
        <translation>本机版本：%1</translation>
    </message>
    <message>
        <source>upstream: %1</source>
        <translation>平台版本：%1</translation>
    </message>
    <message>
        <source>(not in the cache; sync first)</source>
        <translation>（不在本地缓存中，请先同步）</translation>
    </message>
    <message>
        <source>you can:  %1</source>
        <translation>可选操作：%1</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>A JSON document {&quot;policy&quot;, &quot;schools&quot;, &quot;zones&quot;, &quot;applications&quot;, &quot;agency_records&quot;} (&quot;-&quot; reads standard input).</source>
        <translation>一个JSON文档 {&quot;policy&quot;, &quot;schools&quot;, &quot;zones&quot;, &quot;applications&quot;, &quot;agency_records&quot;}（“-”表示从标准输入读取）。</translation>
    </message>
    <message>
        <source>Check applications against a policy: a pure function of the input, for integrators and tests. Prints {&quot;results&quot;: [...]} in input order. Needs no data folder.</source>
        <translation>按招生政策核验申请：结果只取决于输入，供系统集成和测试使用。按输入顺序输出 {&quot;results&quot;: [...]}。无需数据文件夹。</translation>
    </message>
    <message>
        <source>say what to check: evaluate --input FILE</source>
        <translation>请指定要核验的内容：evaluate --input FILE</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2 at byte %3</source>
        <translation>%1不是JSON对象：第%3字节处%2</translation>
    </message>
    <message>
        <source>Explain the automatic check of one application from the cache: the category, every rule with its evidence, and the flags.</source>
        <translation>说明本地缓存中一份申请的自动核验结果：类别、每条规则及其证据，以及标记。</translation>
    </message>
    <message>
        <source>usage: explain APP_ID</source>
        <translation>用法：explain APP_ID</translation>
    </message>
    <message>
        <source>there is no application %1 in the cache.</source>
        <translation>本地缓存中没有申请%1。</translation>
    </message>
    <message>
        <source>Check every application again, not only what changed.</source>
        <translation>重新核验全部申请，而不只是有变更的申请。</translation>
    </message>
    <message>
        <source>Run the automatic eligibility check over the cache: what changed since the last check (or everything with --all).</source>
        <translation>对本地缓存运行自动资格核验：核验自上次核验以来有变更的申请（使用 --all 时核验全部申请）。</translation>
    </message>
    <message>
        <source>Checking: %1 of %2 applications</source>
        <translation>正在核验：%1 / %2 份申请</translation>
    </message>
    <message>
        <source>Checked %1 applications in %2 s; %3 changed, %4 removed.</source>
        <translation>已核验%1份申请，用时%2秒；%3份结果有变化，%4份已移除。</translation>
    </message>
    <message>
        <source>The role: clerk, reviewer, principal or supervisor.</source>
        <translation>角色：clerk（窗口受理员）、reviewer（招生审核员）、principal（校长）或 supervisor（教育局督导）。</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLE</translation>
    </message>
    <message>
        <source>Read the new passphrase from FILE (default: $ADMISSIONS_NEW_PASSPHRASE, else a prompt).</source>
        <translation>从 FILE 读取新口令（默认使用 $ADMISSIONS_NEW_PASSPHRASE，否则提示输入）。</translation>
    </message>
    <message>
        <source>Set up a workstation in the data folder: a new encrypted cache and its first user, who is its administrator.</source>
        <translation>在数据文件夹中初始化工作站：新建加密的本地缓存及首个用户，该用户为管理员。</translation>
    </message>
    <message>
        <source>say who the first user is: init --user NAME --role ROLE</source>
        <translation>请指定首个用户：init --user NAME --role ROLE</translation>
    </message>
    <message>
        <source>New passphrase for %1: </source>
        <translation>%1的新口令：</translation>
    </message>
    <message>
        <source>Workstation set up in %1 for %2 (%3, administrator).</source>
        <translation>已在%1中为%2初始化工作站（%3，管理员）。</translation>
    </message>
    <message>
        <source>With add: the new user is an administrator too.</source>
        <translation>与 add 一起使用：新用户同时为管理员。</translation>
    </message>
    <message>
        <source>With list: print JSON.</source>
        <translation>与 list 一起使用：以JSON格式输出。</translation>
    </message>
    <message>
        <source>Manage the local users: add NAME --role ROLE, list, passwd.</source>
        <translation>管理本机用户：add NAME --role ROLE、list、passwd。</translation>
    </message>
    <message>
        <source>add NAME | list | passwd</source>
        <translation>add NAME | list | passwd</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>新口令：</translation>
    </message>
    <message>
        <source>usage: users add NAME --role ROLE [--admin]</source>
        <translation>用法：users add NAME --role ROLE [--admin]</translation>
    </message>
    <message>
        <source>Added user %1.</source>
        <translation>已添加用户%1。</translation>
    </message>
    <message>
        <source>Current passphrase: </source>
        <translation>当前口令：</translation>
    </message>
    <message>
        <source>Passphrase changed for %1. The cache was not re-encrypted.</source>
        <translation>已修改%1的口令。本地缓存未重新加密。</translation>
    </message>
    <message>
        <source>say what to do: users add|list|passwd</source>
        <translation>请指定操作：users add|list|passwd</translation>
    </message>
    <message>
        <source>export-recovery: print the cache&apos;s raw key as 64 hex characters (administrators only; recorded in the audit log). Keep it offline, like a safe key.</source>
        <translation>export-recovery：以64个十六进制字符输出本地缓存的原始密钥（仅限管理员；会记入审计日志）。请像保管保险柜钥匙一样离线保存。</translation>
    </message>
    <message>
        <source>Recovery key exported; this was recorded in the audit log. To open the cache with the sqlcipher shell: PRAGMA key = &quot;x&apos;&lt;key&gt;&apos;&quot;; PRAGMA cipher_page_size = 4096;</source>
        <translation>恢复密钥已导出，此操作已记入审计日志。如需用 sqlcipher 命令行打开本地缓存：PRAGMA key = &quot;x&apos;&lt;key&gt;&apos;&quot;; PRAGMA cipher_page_size = 4096;</translation>
    </message>
    <message>
        <source>Give up a request after S seconds without an answer (default 30).</source>
        <translation>请求在 S 秒内无响应即放弃（默认 30）。</translation>
    </message>
    <message>
        <source>--%1 takes a number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 须为 %2 至 %3 之间的数，而不是“%4”。</translation>
    </message>
    <message>
        <source>Hub password for %1: </source>
        <translation>%1的市级平台密码：</translation>
    </message>
    <message>
        <source>admissionsctl %1: %2</source>
        <translation>admissionsctl %1：%2</translation>
    </message>
    <message>
        <source>The hub&apos;s address, https://HOST:PORT.</source>
        <translation>市级平台地址，格式为 https://HOST:PORT。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The hub&apos;s CA certificate (its ca.pem); the only one trusted.</source>
        <translation>市级平台的CA证书（即其 ca.pem）；工作站只信任该证书。</translation>
    </message>
    <message>
        <source>This workstation&apos;s name upstream (default: the host name).</source>
        <translation>本工作站在市级平台上的名称（默认为主机名）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Enrol this workstation with a hub (administrators): from now on only the given CA is trusted for it. Tries a TLS handshake first. Exit 5 when the hub&apos;s certificate is refused.</source>
        <translation>将本工作站接入市级平台（限管理员）：此后只信任指定的CA。会先尝试TLS握手。市级平台的证书被拒绝时退出码为5。</translation>
    </message>
    <message>
        <source>usage: connect --hub https://HOST:PORT --ca FILE</source>
        <translation>用法：connect --hub https://HOST:PORT --ca FILE</translation>
    </message>
    <message>
        <source>Only an administrator of this workstation can connect it to a hub.</source>
        <translation>只有本工作站的管理员才能将其接入市级平台。</translation>
    </message>
    <message>
        <source>Warning: the hub cannot be reached now (%1) The enrolment is saved; the certificate is checked at the first sync.</source>
        <translation>警告：目前无法连接市级平台（%1）。接入设置已保存；将在首次同步时检查证书。</translation>
    </message>
    <message>
        <source>This is another hub address than before: the next sync is a full pull, and what the new hub does not send is removed from the cache. Work waiting in the outbox is kept.</source>
        <translation>这是与之前不同的市级平台地址：下次同步将全量拉取，新平台未发送的数据将从本地缓存中删除。待上传队列中的内容会保留。</translation>
    </message>
    <message>
        <source>Connected to %1 as workstation &quot;%2&quot;. Next: admissionsctl login --account ACCOUNT</source>
        <translation>已作为工作站“%2”接入%1。下一步：admissionsctl login --account ACCOUNT</translation>
    </message>
    <message>
        <source>The hub account, for example liu.fang.</source>
        <translation>市级平台账号，例如 liu.fang。</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>ACCOUNT</translation>
    </message>
    <message>
        <source>Print the account as JSON.</source>
        <translation>以JSON格式输出账号信息。</translation>
    </message>
    <message>
        <source>Sign in to the hub once to check the account and its password, and remember the account (not the password) for this local user. The password comes from $ADMISSIONS_HUB_PASSWORD or a prompt. Exit 6 when the hub refuses it, 5 when it cannot be reached.</source>
        <translation>登录一次市级平台以验证账号和密码，并为该本机用户记住账号（不保存密码）。密码取自 $ADMISSIONS_HUB_PASSWORD，或提示输入。市级平台拒绝登录时退出码为6，无法连接时为5。</translation>
    </message>
    <message>
        <source>say which hub account: login --account ACCOUNT</source>
        <translation>请指定市级平台账号：login --account ACCOUNT</translation>
    </message>
    <message>
        <source>Signed in to the hub as %1 (%2). %3 will sync as %1; the password is not stored.</source>
        <translation>已以%1（%2）身份登录市级平台。%3将以%1身份同步；密码未保存。</translation>
    </message>
    <message>
        <source>Keep syncing on a timer until interrupted (Ctrl+C), or until the hub refuses the sign-in.</source>
        <translation>定时持续同步，直到被中断（Ctrl+C）或市级平台拒绝登录。</translation>
    </message>
    <message>
        <source>With --watch: seconds between syncs (default 60).</source>
        <translation>与 --watch 一起使用：两次同步的间隔秒数（默认 60）。</translation>
    </message>
    <message>
        <source>The hub account (default: the one remembered by login).</source>
        <translation>市级平台账号（默认为 login 记住的账号）。</translation>
    </message>
    <message>
        <source>Changes per page (1 to 5000, default 2000).</source>
        <translation>每页变更数（1 至 5000，默认 2000）。</translation>
    </message>
    <message>
        <source>Outbox items per request (default 200).</source>
        <translation>每次请求发送的待上传条目数（默认 200）。</translation>
    </message>
    <message>
        <source>Retries per request (default 5).</source>
        <translation>每次请求的重试次数（默认 5）。</translation>
    </message>
    <message>
        <source>Send the outbox to the hub and receive what changed. Progress goes to stderr, a JSON summary to stdout ({&quot;pulled&quot;, &quot;applied&quot;, &quot;pushed&quot;, &quot;conflicts&quot;, &quot;rejected&quot;, ...}). Exit 0 when the pass completed (conflicts included), 5 when the hub could not be reached or its certificate was refused, 6 when it refused the sign-in.</source>
        <translation>将待上传队列发送到市级平台，并接收变更内容。进度输出到 stderr，JSON摘要输出到 stdout（{&quot;pulled&quot;, &quot;applied&quot;, &quot;pushed&quot;, &quot;conflicts&quot;, &quot;rejected&quot;, ...}）。本轮同步完成（含存在冲突的情况）时退出码为0，无法连接市级平台或其证书被拒绝时为5，市级平台拒绝登录时为6。</translation>
    </message>
    <message>
        <source>--interval takes a number of seconds from 0.1 to 86400, not &quot;%1&quot;.</source>
        <translation>--interval 须为 0.1 至 86400 之间的秒数，而不是“%1”。</translation>
    </message>
    <message>
        <source>No hub account is remembered for %1. Sign in once with: admissionsctl login --account ACCOUNT</source>
        <translation>尚未为%1记住市级平台账号。请先登录一次：admissionsctl login --account ACCOUNT</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>admissionsctl sync: %1</source>
        <translation>admissionsctl sync：%1</translation>
    </message>
    <message>
        <source>Print JSON: [{&quot;code&quot;, &quot;outcome&quot;, &quot;label_zh&quot;, &quot;label_en&quot;}].</source>
        <translation>以JSON格式输出：[{&quot;code&quot;, &quot;outcome&quot;, &quot;label_zh&quot;, &quot;label_en&quot;}]。</translation>
    </message>
    <message>
        <source>The standard reason codes a decision carries.</source>
        <translation>审核决定可使用的标准原因代码。</translation>
    </message>
    <message>
        <source>Check a resident ID number (GB 11643). Exit 0 and the birth date and sex when valid; exit 1 and the rule that failed when not.</source>
        <translation>校验居民身份证号（GB 11643）。号码有效时退出码为0，并输出出生日期和性别；无效时退出码为1，并输出未通过的规则。</translation>
    </message>
    <message>
        <source>The 18-character ID number.</source>
        <translation>18位身份证号。</translation>
    </message>
    <message>
        <source>usage: check-id ID</source>
        <translation>用法：check-id ID</translation>
    </message>
    <message>
        <source>invalid (%1): %2</source>
        <translation>无效（%1）：%2</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>valid: born %1, %2</source>
        <translation>有效：出生日期%1，%2</translation>
    </message>
    <message>
        <source>The workstation&apos;s data folder.</source>
        <translation>工作站的数据文件夹。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>The local user (default: $ADMISSIONS_USER, or the only user).</source>
        <translation>本机用户（默认为 $ADMISSIONS_USER，或唯一的用户）。</translation>
    </message>
    <message>
        <source>Read the passphrase from FILE (default: $ADMISSIONS_PASSPHRASE, else a prompt).</source>
        <translation>从 FILE 读取口令（默认使用 $ADMISSIONS_PASSPHRASE，否则提示输入）。</translation>
    </message>
    <message>
        <source>Run &quot;admissionsctl %1 --help&quot; for the options.</source>
        <translation>运行“admissionsctl %1 --help”查看选项。</translation>
    </message>
    <message>
        <source>This workstation has %1 users; say which one with --user NAME.</source>
        <translation>本工作站有%1个用户；请用 --user NAME 指定。</translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation>%1的口令：</translation>
    </message>
    <message>
        <source>Cannot read the passphrase file %1: %2</source>
        <translation>无法读取口令文件%1：%2</translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation>请再次输入：</translation>
    </message>
    <message>
        <source>The two passphrases differ. Nothing was changed.</source>
        <translation>两次输入的口令不一致。未作任何更改。</translation>
    </message>
    <message>
        <source>Changes per transaction (default %1); a killed import keeps whole batches.</source>
        <translation>每个事务的变更数（默认 %1）；导入被中断时，已完成的整批会保留。</translation>
    </message>
    <message>
        <source>Changes applied in one transaction, in whole pages (default 20000); a killed sync resumes after the last transaction.</source>
        <translation>在一个事务中应用的变更数，按整页计（默认 20000）；被中断的同步从最后一个事务之后继续。</translation>
    </message>
    <message>
        <source>Refuse an answer of the hub larger than this many MB (1 to 4096, default 64).</source>
        <translation>拒绝大于此兆字节数的市级平台应答（1 至 4096，默认 64）。</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>With --request-info: the date the family must answer by (default: in 7 days).</source>
        <translation>与 --request-info 一起使用：家庭须在此日期前答复（默认为7天后）。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>usage: decide APP_ID --approve|--reject|--request-info [--category C] [--reason CODE] [--note TEXT] [--due YYYY-MM-DD]</source>
        <translation>用法：decide APP_ID --approve|--reject|--request-info [--category C] [--reason CODE] [--note TEXT] [--due YYYY-MM-DD]</translation>
    </message>
    <message>
        <source>--due takes a date such as 2026-06-08</source>
        <translation>--due 须为日期，例如 2026-06-08</translation>
    </message>
    <message>
        <source>principal-decides: %1</source>
        <translation>principal-decides：%1</translation>
    </message>
    <message>
        <source>off (principals read and sign off, and do not decide)</source>
        <translation>关闭（校长只查看和签批，不作审核决定）</translation>
    </message>
    <message>
        <source>on for %1</source>
        <translation>已为%1开启</translation>
    </message>
    <message>
        <source>The school the setting is for (default: the only school of the cache).</source>
        <translation>该设置适用的学校（默认为本地缓存中唯一的学校）。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Print the settings as JSON.</source>
        <translation>以JSON格式输出设置。</translation>
    </message>
    <message>
        <source>Show or change the school settings of this workstation. &quot;principal-decides on&quot; lets the principal of a school approve, reject and request information (off by default); administrators only, and audited.</source>
        <translation>查看或修改本工作站的学校设置。“principal-decides on”允许学校校长通过、驳回申请和要求补充材料（默认关闭）；仅限管理员，并记入审计日志。</translation>
    </message>
    <message>
        <source>[principal-decides on|off]</source>
        <translation>[principal-decides on|off]</translation>
    </message>
    <message>
        <source>usage: settings [--json] | settings principal-decides on|off [--school ID]</source>
        <translation>用法：settings [--json] | settings principal-decides on|off [--school ID]</translation>
    </message>
    <message>
        <source>Only an administrator of this workstation may change its school settings.</source>
        <translation>只有本工作站的管理员才能修改学校设置。</translation>
    </message>
    <message>
        <source>this cache holds no school yet: sync or import first</source>
        <translation>本地缓存中尚无学校：请先同步或导入</translation>
    </message>
    <message>
        <source>this cache holds several schools: say which with --school ID</source>
        <translation>本地缓存中有多所学校：请用 --school ID 指定</translation>
    </message>
    <message>
        <source>The principal of %1 may now decide on its applications.</source>
        <translation>%1的校长现在可以对本校申请作出审核决定。</translation>
    </message>
    <message>
        <source>The principal of %1 no longer decides; reviewers do.</source>
        <translation>%1的校长不再作出审核决定，改由审核员决定。</translation>
    </message>
    <message>
        <source>show or change what a school lets its principal do</source>
        <translation>查看或修改学校允许校长执行的操作</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>Cannot read the application file %1: %2. Nothing was saved.</source>
        <translation>无法读取申请文件 %1：%2。未保存任何内容。</translation>
    </message>
    <message>
        <source>The application file %1 is empty; it must hold one application as a JSON object. Nothing was saved.</source>
        <translation>申请文件 %1 为空；它必须以 JSON 对象形式包含一份申请。未保存任何内容。</translation>
    </message>
    <message>
        <source>The application file %1 is not valid JSON: %2 at byte %3. Nothing was saved.</source>
        <translation>申请文件 %1 不是有效的 JSON：第 %3 字节处%2。未保存任何内容。</translation>
    </message>
    <message>
        <source>The application file %1 must hold one application as a JSON object {...}, not a list or a value. Nothing was saved.</source>
        <translation>申请文件 %1 必须以 JSON 对象 {...} 形式包含一份申请，而不是列表或单个值。未保存任何内容。</translation>
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation>%1 未保存任何内容。</translation>
    </message>
    <message>
        <source>the receipt is written as PDF: give a file name ending in .pdf, not &quot;%1&quot;</source>
        <translation>回执以 PDF 格式写入：请给出以 .pdf 结尾的文件名，而不是“%1”</translation>
    </message>
    <message>
        <source>%1 is a folder; give the receipt&apos;s file name</source>
        <translation>%1 是文件夹；请给出回执的文件名</translation>
    </message>
    <message>
        <source>the folder %1 does not exist; create it or choose another one for the receipt</source>
        <translation>文件夹 %1 不存在；请创建它或为回执另选文件夹</translation>
    </message>
    <message>
        <source>%1 cannot be written (permissions); choose another file for the receipt</source>
        <translation>%1 无法写入（权限不足）；请为回执另选文件</translation>
    </message>
    <message>
        <source>The application as a JSON object: the contract&apos;s application (admission_year, grade, target_school_id, child, guardians, claimed_address, claimed_category) without id, status and version, plus paper_evidence: [{&quot;kind&quot;, &quot;checked_by&quot;, &quot;note&quot;}] (&quot;-&quot; reads standard input). Without admission_year, the year of the cache&apos;s policies.</source>
        <translation>以 JSON 对象表示的申请：接口约定中的申请（admission_year、grade、target_school_id、child、guardians、claimed_address、claimed_category），不含 id、status 和 version，另加 paper_evidence: [{&quot;kind&quot;, &quot;checked_by&quot;, &quot;note&quot;}]（“-”表示从标准输入读取）。未给出 admission_year 时，取缓存中政策的年度。</translation>
    </message>
    <message>
        <source>APP.json</source>
        <translation>APP.json</translation>
    </message>
    <message>
        <source>Also write the family&apos;s receipt (in Chinese) as a PDF file.</source>
        <translation>同时将给家庭的回执（中文）写为 PDF 文件。</translation>
    </message>
    <message>
        <source>FILE.pdf</source>
        <translation>FILE.pdf</translation>
    </message>
    <message>
        <source>Write the receipt in English.</source>
        <translation>以英文写回执。</translation>
    </message>
    <message>
        <source>Print the saved application as JSON (the ID number masked) instead of its local number.</source>
        <translation>以 JSON 输出已保存的申请（身份证号已遮蔽），而不是其本地编号。</translation>
    </message>
    <message>
        <source>Enter a walk-in paper application taken at the counter. It is checked, saved in the encrypted cache with its audit entry, and waits in the outbox until the next sync uploads it. Prints its local number (the number on the receipt). Bad input: exit 2 with a sentence naming the field; nothing is saved.</source>
        <translation>录入窗口现场受理的纸质申请。申请经核验后与审计记录一起保存在加密缓存中，并在发件箱中等待下次同步上传。输出其本地编号（回执上的编号）。输入有误时：以代码 2 退出并说明出错的字段；不保存任何内容。</translation>
    </message>
    <message>
        <source>usage: intake --input APP.json [--receipt FILE.pdf] [--english] [--json]</source>
        <translation>用法：intake --input APP.json [--receipt FILE.pdf] [--english] [--json]</translation>
    </message>
    <message>
        <source>--english is about the receipt: give --receipt FILE.pdf too</source>
        <translation>--english 针对回执：请同时给出 --receipt FILE.pdf</translation>
    </message>
    <message>
        <source>%1. Nothing was saved.</source>
        <translation>%1。未保存任何内容。</translation>
    </message>
    <message>
        <source>Note: this child already has application %1 this year (%2, school %3). The city platform takes one application per child: check with the family.</source>
        <translation>注意：该儿童今年已有申请 %1（%2，学校 %3）。市级平台每名儿童只受理一份申请：请与家庭核实。</translation>
    </message>
    <message>
        <source>admissionsctl %1: application %2 is saved, but its receipt was not written: %3 Write it with: admissionsctl receipt %2 --out FILE.pdf</source>
        <translation>admissionsctl %1：申请 %2 已保存，但其回执未写入：%3 请用以下命令写入：admissionsctl receipt %2 --out FILE.pdf</translation>
    </message>
    <message>
        <source>Application %1 saved; it goes upstream at the next sync.</source>
        <translation>申请 %1 已保存；将在下次同步时上传。</translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation>要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>Write the receipt of an application taken at this workstation again, as a PDF file (in Chinese unless --english). The reprint is recorded in the audit log.</source>
        <translation>将本工作站受理的申请的回执重新写为 PDF 文件（默认中文，--english 为英文）。补打会记入审计日志。</translation>
    </message>
    <message>
        <source>The local number on the receipt (or, once uploaded, the platform&apos;s application number), e.g. S371102001-7F3A09C2-00012.</source>
        <translation>回执上的本地编号（上传后也可用平台的申请编号），例如 S371102001-7F3A09C2-00012。</translation>
    </message>
    <message>
        <source>usage: receipt CLIENT_REF --out FILE.pdf [--english]</source>
        <translation>用法：receipt CLIENT_REF --out FILE.pdf [--english]</translation>
    </message>
    <message>
        <source>no application with local number %1 was taken at this workstation; &quot;admissionsctl counter list&quot; shows those that were.</source>
        <translation>本工作站未受理本地编号为 %1 的申请；“admissionsctl counter list”可列出已受理的申请。</translation>
    </message>
    <message>
        <source>Receipt of %1 written to %2.</source>
        <translation>%1 的回执已写入 %2。</translation>
    </message>
    <message>
        <source>Print a JSON list of the applications (the ID numbers masked).</source>
        <translation>以 JSON 列表输出申请（身份证号已遮蔽）。</translation>
    </message>
    <message>
        <source>Only those taken today.</source>
        <translation>只列出今天受理的。</translation>
    </message>
    <message>
        <source>The applications taken at this counter, newest first: local number, state (waiting, uploaded, duplicate, refused), the platform&apos;s application number, time taken.</source>
        <translation>本窗口受理的申请，最新的在前：本地编号、状态（待上传、已上传、重复、被拒）、平台申请编号、受理时间。</translation>
    </message>
    <message>
        <source>usage: counter list [--json] [--today]</source>
        <translation>用法：counter list [--json] [--today]</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s).</source>
        <translation>
            <numerusform>%n 份申请。</numerusform>
        </translation>
    </message>
    <message>
        <source>add: a note for yourself (not sent anywhere).</source>
        <translation>add：给自己的备注（不会发送到任何地方）。</translation>
    </message>
    <message>
        <source>list: print JSON (the ID numbers masked).</source>
        <translation>list：输出 JSON（身份证号已遮蔽）。</translation>
    </message>
    <message>
        <source>Declare the ID numbers of your relatives. An application naming one of them, as its child or a guardian, cannot be decided or signed off by you: someone else does it. Declarations stay in the encrypted cache and are never sent to the city platform; the audit log records that you made one, not the number.</source>
        <translation>申报您亲属的身份证号。凡以其中任何人为儿童或监护人的申请，您都不能决定或签批：由他人处理。申报内容只保存在加密缓存中，绝不发送到市级平台；审计日志只记录您作了申报，不记录号码。</translation>
    </message>
    <message>
        <source>add ID_NUMBER | list</source>
        <translation>add 身份证号 | list</translation>
    </message>
    <message>
        <source>usage: relations add ID_NUMBER [--note TEXT] | relations list [--json]</source>
        <translation>用法：relations add 身份证号 [--note 文本] | relations list [--json]</translation>
    </message>
    <message>
        <source>that is not a resident ID number: %1</source>
        <translation>这不是有效的居民身份证号：%1</translation>
    </message>
    <message>
        <source>Declared. Applications naming this person are for someone else to decide.</source>
        <translation>已申报。涉及此人的申请将由他人决定。</translation>
    </message>
    <message>
        <source>You had declared this person already; nothing changed.</source>
        <translation>您已申报过此人；未作任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>%n declaration(s).</source>
        <translation>
            <numerusform>%n 项申报。</numerusform>
        </translation>
    </message>
    <message>
        <source>verify: check the local audit log&apos;s hash chain from its first entry to its last, and say up to which entry the city platform has acknowledged it. Exit 1 when the chain is broken.</source>
        <translation>verify：从第一条到最后一条核对本地审计日志的哈希链，并说明市级平台已确认到哪一条。链条断裂时以代码 1 退出。</translation>
    </message>
    <message>
        <source>usage: audit verify [--json]</source>
        <translation>用法：audit verify [--json]</translation>
    </message>
    <message>
        <source>The audit log is whole: %1 entries, from 1 to %2.</source>
        <translation>审计日志完整：共 %1 条，从 1 到 %2。</translation>
    </message>
    <message>
        <source>The audit log is NOT whole: %1. An entry was removed or changed; keep this data folder as it is and tell your administrator.</source>
        <translation>审计日志不完整：%1。有记录被删除或篡改；请保持此数据文件夹原样并告知管理员。</translation>
    </message>
    <message>
        <source>The city platform has not acknowledged any entry yet.</source>
        <translation>市级平台尚未确认任何记录。</translation>
    </message>
    <message>
        <source>The city platform has acknowledged entries 1 to %1; %2 are not sent yet.</source>
        <translation>市级平台已确认第 1 至 %1 条；还有 %2 条尚未发送。</translation>
    </message>
    <message>
        <source>The city platform refused an entry: %1</source>
        <translation>市级平台拒绝了一条记录：%1</translation>
    </message>
    <message>
        <source>signing-generate: ed25519 (the default) or sm2-sm3.</source>
        <translation>signing-generate：ed25519（默认）或 sm2-sm3。</translation>
    </message>
    <message>
        <source>signing-generate: print the key as JSON.</source>
        <translation>signing-generate：以 JSON 输出密钥。</translation>
    </message>
    <message>
        <source>signing-generate: make your signing key for batches (principals), wrapped with your passphrase, and print its id and fingerprint; it is registered with the city platform at the next sync.</source>
        <translation>signing-generate：生成您用于签批批次的签名密钥（校长），以您的口令加密保护，并输出其编号和指纹；下次同步时向市级平台登记。</translation>
    </message>
    <message>
        <source>usage: key export-recovery | key signing-generate [--algorithm ed25519|sm2-sm3]</source>
        <translation>用法：key export-recovery | key signing-generate [--algorithm ed25519|sm2-sm3]</translation>
    </message>
    <message>
        <source>This workstation holds no applications yet: sync first (admissionsctl sync).</source>
        <translation>本工作站尚无申请：请先同步（admissionsctl sync）。</translation>
    </message>
    <message>
        <source>No decision waits for a signature on this workstation: every accepted decision is signed or in a batch already. Sync to receive the latest decisions.</source>
        <translation>本工作站上没有待签批的决定：已被接受的决定均已签批或已在批次中。请同步以获取最新决定。</translation>
    </message>
    <message>
        <source>Decisions of %1 schools could go into a batch (%2); say which school with --school ID.</source>
        <translation>有 %1 所学校的决定可以放入批次（%2）；请用 --school ID 指明学校。</translation>
    </message>
    <message>
        <source>override (seen)</source>
        <translation>改判（已阅）</translation>
    </message>
    <message>
        <source>override, NOT SEEN</source>
        <translation>改判，未阅</translation>
    </message>
    <message>
        <source>flags: %1</source>
        <translation>提示标记：%1</translation>
    </message>
    <message>
        <source>declared relationship: %1%2</source>
        <translation>已申报亲属关系：%1%2</translation>
    </message>
    <message>
        <source> (who decided it)</source>
        <translation>（作出决定者）</translation>
    </message>
    <message>
        <source>changed since</source>
        <translation>此后已变化</translation>
    </message>
    <message>
        <source>officer&apos;s reason: %1</source>
        <translation>审核员理由：%1</translation>
    </message>
    <message>
        <source>returned by %1: %2</source>
        <translation>由 %1 退回：%2</translation>
    </message>
    <message>
        <source>Batch %1 &quot;%2&quot; of school %3: %4</source>
        <translation>学校 %3 的批次 %1“%2”：%4</translation>
    </message>
    <message>
        <source>Made %1 by %2</source>
        <translation>%2 于 %1 生成</translation>
    </message>
    <message>
        <source>; signed %1 with key %2 (%3), fingerprint %4</source>
        <translation>；%1 以密钥 %2（%3）签署，指纹 %4</translation>
    </message>
    <message>
        <source>Seats: %1 approved for %2 seats</source>
        <translation>学位：%2 个学位已录取 %1 人</translation>
    </message>
    <message>
        <source>category %1: %2 approved (%3 in this batch); with the categories before it, %4 of %5 seats%6</source>
        <translation>%1 类：已录取 %2 人（本批次 %3 人）；连同之前的类别，占 %5 个学位中的 %4 个%6</translation>
    </message>
    <message>
        <source>, OVER CAPACITY</source>
        <translation>，超出学位</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Items (%1; %2 override(s), %3 not seen):</source>
        <translation>项目（%1 项；改判 %2 项，未阅 %3 项）：</translation>
    </message>
    <message>
        <source>Returned to their officer (%1):</source>
        <translation>已退回审核员（%1 项）：</translation>
    </message>
    <message>
        <source>create: the batch&apos;s title.</source>
        <translation>create：批次标题。</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>create: only approvals or only rejections (default: both).</source>
        <translation>create：只含录取或只含不予录取（默认：两者都含）。</translation>
    </message>
    <message>
        <source>create: decisions made on or after this date.</source>
        <translation>create：在此日期当天或之后作出的决定。</translation>
    </message>
    <message>
        <source>create: decisions made on or before this date.</source>
        <translation>create：在此日期当天或之前作出的决定。</translation>
    </message>
    <message>
        <source>candidates, create, list: the school (default: the only one).</source>
        <translation>candidates、create、list：学校（默认：唯一的那所）。</translation>
    </message>
    <message>
        <source>seen: mark every override of the batch seen.</source>
        <translation>seen：将批次中的每项改判标记为已阅。</translation>
    </message>
    <message>
        <source>return: why the decision goes back to its officer.</source>
        <translation>return：将决定退回审核员的原因。</translation>
    </message>
    <message>
        <source>say the batch&apos;s title with --title T</source>
        <translation>请用 --title T 给出批次标题</translation>
    </message>
    <message>
        <source>--outcome takes approve or reject, not &quot;%1&quot;</source>
        <translation>--outcome 只接受 approve 或 reject，而不是“%1”</translation>
    </message>
    <message>
        <source>--%1 takes a date such as 2026-06-08, not &quot;%2&quot;</source>
        <translation>--%1 接受形如 2026-06-08 的日期，而不是“%2”</translation>
    </message>
    <message>
        <source>say which override was seen: seen ID APPLICATION, or seen ID --all</source>
        <translation>请指明已阅的改判：seen ID 申请编号，或 seen ID --all</translation>
    </message>
    <message>
        <source>say why with --note TEXT: the officer reads it</source>
        <translation>请用 --note 文本 说明原因：审核员会看到</translation>
    </message>
    <message>
        <source>say where with --out DIR</source>
        <translation>请用 --out 文件夹 指明位置</translation>
    </message>
    <message>
        <source>--algorithm takes ed25519 or sm2-sm3, not &quot;%1&quot;</source>
        <translation>--algorithm 只接受 ed25519 或 sm2-sm3，而不是“%1”</translation>
    </message>
    <message>
        <source>Your passphrase, to protect the signing key: </source>
        <translation>您的口令（用于保护签名密钥）：</translation>
    </message>
    <message>
        <source>Signing key %1 made; it is registered with the city platform at the next sync. Its fingerprint, for the public notice: %2</source>
        <translation>签名密钥 %1 已生成；下次同步时向市级平台登记。其指纹（用于公示）：%2</translation>
    </message>
    <message>
        <source>%1 [ID] [APPLICATION]</source>
        <translation>%1 [ID] [申请编号]</translation>
    </message>
    <message>
        <source>Draft batch %1 made with %2 decision(s), %3 override(s) to mark seen. Check it with: admissionsctl batch show %1</source>
        <translation>已生成草稿批次 %1，含 %2 个决定，%3 项改判待标记已阅。请用以下命令核对：admissionsctl batch show %1</translation>
    </message>
    <message>
        <source>%1 override(s) of batch %2 marked seen.</source>
        <translation>批次 %2 的 %1 项改判已标记为已阅。</translation>
    </message>
    <message>
        <source>The override of %1 is marked seen.</source>
        <translation>%1 的改判已标记为已阅。</translation>
    </message>
    <message>
        <source>%1 is out of batch %2 and goes back to its officer.</source>
        <translation>%1 已移出批次 %2，退回其审核员。</translation>
    </message>
    <message>
        <source>Passphrase to sign batch %1: </source>
        <translation>签署批次 %1 的口令：</translation>
    </message>
    <message>
        <source>Batch %1 signed with key %2 (fingerprint %3); it goes upstream at the next sync.</source>
        <translation>批次 %1 已用密钥 %2（指纹 %3）签署；将在下次同步时上传。</translation>
    </message>
    <message>
        <source>Draft batch %1 replaces %2 with %3 decision(s); left out: %4.</source>
        <translation>草稿批次 %1 替代 %2，含 %3 个决定；未纳入：%4。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Draft batch %1 discarded.</source>
        <translation>草稿批次 %1 已放弃。</translation>
    </message>
    <message>
        <source>Batch %1 written to %2: batch.json (the signed bytes), batch.sig and signer.pem. docs/signoff.md gives the openssl command that checks them.</source>
        <translation>批次 %1 已写入 %2：batch.json（被签署的字节）、batch.sig 和 signer.pem。docs/signoff.md 给出了核验它们的 openssl 命令。</translation>
    </message>
    <message>
        <source>enter a paper application taken at the counter</source>
        <translation>录入窗口受理的纸质申请</translation>
    </message>
    <message>
        <source>write a counter application&apos;s receipt again</source>
        <translation>重新生成窗口申请的回执</translation>
    </message>
    <message>
        <source>list the counter&apos;s applications</source>
        <translation>列出窗口受理的申请</translation>
    </message>
    <message>
        <source>make, check, sign and export a principal&apos;s batch</source>
        <translation>生成、核对、签署并导出校长的批次</translation>
    </message>
    <message>
        <source>declare relatives you may not decide on</source>
        <translation>申报您不能处理其申请的亲属</translation>
    </message>
    <message>
        <source>verify the local audit log</source>
        <translation>核验本地审计日志</translation>
    </message>
    <message>
        <source>usage: batch candidates [--school ID] [--json] | create --title T [--outcome approve|reject] [--from DATE] [--to DATE] [--school ID] [--json] | list [--json] | show ID [--json] | seen ID --all|APPLICATION | return ID APPLICATION --note TEXT | sign ID | renew ID | discard ID | export ID --out DIR | notice ID --out FILE.pdf</source>
        <translation>用法：batch candidates [--school ID] [--json] | create --title T [--outcome approve|reject] [--from DATE] [--to DATE] [--school ID] [--json] | list [--json] | show ID [--json] | seen ID --all|APPLICATION | return ID APPLICATION --note TEXT | sign ID | renew ID | discard ID | export ID --out DIR | notice ID --out FILE.pdf</translation>
    </message>
    <message>
        <source>export: the folder to write the files into; notice: the PDF file to write.</source>
        <translation>export：写入文件的文件夹；notice：要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>DIR|FILE</source>
        <translation>文件夹|文件</translation>
    </message>
    <message>
        <source>say where with --out FILE.pdf</source>
        <translation>请用 --out FILE.pdf 指明位置</translation>
    </message>
    <message>
        <source>--out %1 is a folder: give the PDF file&apos;s name, such as %2</source>
        <translation>--out %1 是文件夹：请给出 PDF 文件名，例如 %2</translation>
    </message>
    <message>
        <source>the folder of --out %1 does not exist</source>
        <translation>--out %1 所在的文件夹不存在</translation>
    </message>
    <message>
        <source>The principal&apos;s sign-off of the school&apos;s decisions (docs/signoff.md). candidates: the accepted decisions no batch holds yet; create: a draft batch of them; show: seats, overrides, flags and declared relationships; seen: mark overrides seen; return: send an item back to its officer; sign: sign it (your passphrase is asked again); renew: a refused batch again without the items that moved on; export: batch.json, batch.sig and signer.pem for openssl; notice: the public notice (公示名单) of a signed batch as a PDF, names masked.</source>
        <translation>校长签批学校的决定（docs/signoff.md）。candidates：尚未放入批次的已接受决定；create：用它们生成草稿批次；show：学位、改判、提示标记和已申报的亲属关系；seen：将改判标记为已阅；return：将某项退回审核员；sign：签署（会再次询问口令）；renew：将被拒批次去掉已变化项目后重新生成；export：供 openssl 使用的 batch.json、batch.sig 和 signer.pem；notice：已签署批次的公示名单 PDF，姓名已遮蔽。</translation>
    </message>
    <message>
        <source>Public notice of batch %1 written to %2: %3 admitted child(ren) on %4 page(s), names masked. Its QR code holds the batch id and the SHA-256 of the signed bytes.</source>
        <translation>批次 %1 的公示名单已写入 %2：共 %3 名录取儿童，%4 页，姓名已遮蔽。其二维码包含批次编号和被签署字节的 SHA-256。</translation>
    </message>
    <message>
        <source>Scope %1 (%2), %3 school(s): %4 application(s), %5 approved, %6 decision(s) of which %7 override(s); median %8 h, 90th percentile %9 h from submission to decision.</source>
        <translation>范围 %1（%2），%3 所学校：%4 份申请，%5 份已录取，%6 项决定，其中 %7 项推翻自动审核；从提交到决定的中位数 %8 小时，第 90 百分位 %9 小时。</translation>
    </message>
    <message>
        <source>school	district	capacity	applications	approved	online	counter	flagged	median h</source>
        <translation>学校	区县	学位	申请	已录取	网上	窗口	有标记	中位小时</translation>
    </message>
    <message>
        <source>account	decisions	overrides	info requests	override rate	robust z</source>
        <translation>账号	决定	推翻	补充材料	推翻率	稳健 z</translation>
    </message>
    <message>
        <source>	STANDS OUT</source>
        <translation>	明显偏离</translation>
    </message>
    <message>
        <source>The city (371100), a district code or a school id (default: the city for a supervisor, the school for a principal).</source>
        <translation>全市（371100）、区县代码或学校编号（默认：督导员为全市，校长为本校）。</translation>
    </message>
    <message>
        <source>DISTRICT|SCHOOL</source>
        <translation>区县|学校</translation>
    </message>
    <message>
        <source>Make the counters again from the cache first (maintenance).</source>
        <translation>先从缓存重新生成计数器（维护）。</translation>
    </message>
    <message>
        <source>The supervision figures (docs/supervision.md): applications by status, checked category and channel, approvals against capacity, flags, time to decision per school, and each officer&apos;s decisions, overrides and information requests, with the officers whose override rate stands far from their peers&apos;.</source>
        <translation>督导数据（docs/supervision.md）：按状态、审核类别和渠道统计的申请，录取与学位对比，标记，各校从提交到决定的时间，以及每位审核员的决定、推翻和补充材料要求，并列出推翻率明显偏离同行的审核员。</translation>
    </message>
    <message>
        <source>usage: report [--scope DISTRICT|SCHOOL] [--json] [--rebuild]</source>
        <translation>用法：report [--scope 区县|学校] [--json] [--rebuild]</translation>
    </message>
    <message>
        <source>--scope takes the city (371100), a district code or a school id</source>
        <translation>--scope 接受全市（371100）、区县代码或学校编号</translation>
    </message>
    <message>
        <source>The supervision counters were made again from the cache.</source>
        <translation>已从缓存重新生成督导计数器。</translation>
    </message>
    <message>
        <source>the supervision figures of the city, a district or a school</source>
        <translation>全市、区县或学校的督导数据</translation>
    </message>
    <message>
        <source>Filling the supervision figures…</source>
        <translation>正在填充督导统计数据…</translation>
    </message>
    <message>
        <source>Supervision figures filled in %1 s.</source>
        <translation>督导统计数据已填充，用时 %1 秒。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>School admissions review workstation</source>
        <translation>学校招生审核工作站</translation>
    </message>
    <message>
        <source>The workstation&apos;s data folder.</source>
        <translation>工作站的数据文件夹。</translation>
    </message>
    <message>
        <source>Admissions Workstation</source>
        <translation>招生审核工作站</translation>
    </message>
    <message>
        <source>The city platform ended the session. Sign in again to go on syncing, or work offline: decisions wait in the outbox.</source>
        <translation>市级平台已结束会话。请重新登录以继续同步，或离线工作：审核决定将保留在待上传队列中。</translation>
    </message>
</context>
</TS>
