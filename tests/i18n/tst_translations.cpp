#include "TestSupport.h"
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The zh_CN catalogue is complete and every translation keeps the placeholders of its source.
class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void zhCnIsComplete();
    void catalogueFollowsTheSources();
    void installedTranslatorTranslates();

private:
    struct Message {
        QString context;
        QString source;
        QStringList translations;
        bool unfinished = false;
    };
    static QList<Message> read(const QString& path);
    static QSet<QString> placeholders(const QString& text);
};

QList<TestTranslations::Message> TestTranslations::read(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<Message> out;
    QXmlStreamReader xml(&f);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            current.unfinished = type == QLatin1String("unfinished");
            const bool obsolete = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
            QString text;
            // Plural messages hold <numerusform> children.
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    current.translations.append(xml.readElementText());
                else if (xml.isCharacters())
                    text += xml.text();
            }
            if (current.translations.isEmpty())
                current.translations.append(text);
            if (!obsolete)
                out.append(current);
        }
    }
    return out;
}

QSet<QString> TestTranslations::placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

void TestTranslations::zhCnIsComplete()
{
    const QList<Message> messages =
        read(testsupport::sourceDir() + QStringLiteral("/translations/admissions_zh_CN.ts"));
    QVERIFY2(messages.size() > 50, "the catalogue looks empty: run the update_translations target");
    QStringList problems;
    for (const Message& m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source.left(60);
        if (m.unfinished || m.translations.join(QString()).trimmed().isEmpty()) {
            problems.append(QStringLiteral("untranslated: ") + where);
            continue;
        }
        for (const QString& t : m.translations)
            if (placeholders(t) != placeholders(m.source))
                problems.append(QStringLiteral("placeholders differ: ") + where);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(u'\n')));
}

// The committed catalogue holds what the sources ask for now: lupdate over a copy finds nothing new
// and nothing gone (a changed string once stayed in English in the Chinese interface).
void TestTranslations::catalogueFollowsTheSources()
{
    const QString lupdate =
        QStandardPaths::findExecutable(QStringLiteral("lupdate"), {QStringLiteral("/usr/lib/qt6/bin")});
    QVERIFY2(!lupdate.isEmpty(), "lupdate not found: install qt6-l10n-tools");
    QTemporaryDir dir;
    const QString source = testsupport::sourceDir();
    const QString committed = source + QStringLiteral("/translations/admissions_zh_CN.ts");
    const QString copy = dir.filePath(QStringLiteral("admissions_zh_CN.ts"));
    QVERIFY(QFile::copy(committed, copy));
    QProcess p;
    p.start(lupdate, {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                      source + QStringLiteral("/models"), source + QStringLiteral("/ui"),
                      source + QStringLiteral("/app"), QStringLiteral("-ts"), copy});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    auto keys = [](const QList<Message>& messages) {
        QSet<QString> out;
        for (const Message& m : messages)
            out.insert(m.context + QStringLiteral(": ") + m.source);
        return out;
    };
    const QSet<QString> before = keys(read(committed)), after = keys(read(copy));
    QStringList problems;
    for (const QString& k : after - before)
        problems << QStringLiteral("not in the catalogue: ") + k.left(100);
    for (const QString& k : before - after)
        problems << QStringLiteral("no longer in the sources: ") + k.left(100);
    problems.sort();
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("run the update_translations target, then translate:\n") +
                                            problems.mid(0, 20).join(u'\n')));
}

void TestTranslations::installedTranslatorTranslates()
{
    QVERIFY(adm::i18n::installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
    const QString zh = QCoreApplication::translate("Role", "Admissions officer");
    QVERIFY2(zh != QLatin1String("Admissions officer"), qPrintable(zh));
    // The contexts the code translates in are the ones the catalogue files the strings under
    // (a free tr() helper with its own context once made these show in English only).
    QVERIFY(QCoreApplication::translate("KeyStore", "The passphrase is not right. Check the keyboard layout and "
                                                    "Caps Lock, and try again.")
                .contains(QStringLiteral("口令")));
    QVERIFY(QCoreApplication::translate("admissionsctl", "usage: check-id ID") != QLatin1String("usage: check-id ID"));
    QVERIFY(adm::i18n::installTranslations(*QCoreApplication::instance(), QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("Role", "Admissions officer"), QStringLiteral("Admissions officer"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
