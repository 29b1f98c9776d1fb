#pragma once
// CSV as the workstation writes it for spreadsheets (RFC 4180, CRLF), shared by the queue export and
// the supervision tables.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace adm::views::csv {

// One field: quoted when it holds a separator, a quote or a line break. A text that starts with
// = + - @ gets a leading apostrophe so that a spreadsheet does not run it as a formula; a plain
// number ("-0.31", "+5") is left as it is, because it cannot be one.
QString field(QString text);

// One record of fields, ended by CRLF, in UTF-8.
QByteArray line(const QStringList& cells);

} // namespace adm::views::csv
