#include "CsvText.h"

#include <QLocale>

namespace adm::views::csv {

namespace {

bool isPlainNumber(const QString& text)
{
    bool ok = false;
    QLocale::c().toDouble(text, &ok);
    return ok;
}

} // namespace

QString field(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()) && !isPlainNumber(text))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + text + u'"';
    }
    return text;
}

QByteArray line(const QStringList& cells)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString& c : cells)
        fields << field(c);
    return fields.join(u',').toUtf8() + "\r\n";
}

} // namespace adm::views::csv
