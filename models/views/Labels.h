#pragma once

#include "QueueTypes.h"

#include <QString>
#include <QStringList>

namespace adm::views {

// The words a reviewer reads for the codes of the cache and the check (statuses, channels,
// categories, flags, data sets, agencies, rules, outcomes). Unknown codes are shown as they are,
// never dropped. Translated in the context "Labels".
namespace labels {

QString bin(Bin bin);
QString status(const QString& code);
QString channel(const QString& code);
// "A" | "B" | "C" | "none"; empty: not checked yet.
QString category(const QString& code);
QString flag(const QString& code);
QString dataset(const QString& code);
QString agency(const QString& code);
QString rule(const QString& code);
QString outcome(const QString& code);
QString relation(const QString& code);
// A field of an agency record as the check shows it ("signed_on" → "Signed on"), and its value
// where the value is a code (statuses, usage, who holds the record).
QString field(const QString& name);
QString fieldValue(const QString& name, const QString& value);
// A pending decision of this workstation, as a short phrase ("approval waiting to be sent").
QString pending(const QString& outcome);
// A standard reason code (sync::ReasonCodes) in the interface's language.
QString reason(const QString& code, const QString& outcome);
// Age in whole years and months on `on`, from a birth date written YYYYMMDD.
QString age(const QString& birthDateYmd, const QDate& on);
// The flags of a mask, by name, one per line.
QString flagList(qint64 mask);
// The flag codes in the order of their bits (the queue's flag mask).
QStringList flagCodes();
// What a category means ("A" | "B" | "C" | "none"), one sentence: the legend and the column tooltips.
QString categoryMeaning(const QString& code);
// The flag colours: for each colour, a flag painted in it (views::FlagIcons::color) and a sentence.
QList<QPair<QString, QString>> flagColours();
// The legend of the queue's category columns and of its flag column, as tooltip text.
QString categoryLegend();
QString flagLegend();
// The codes of the eligibility flags, in the order of their bits in a flag mask.
QStringList flagsInBitOrder();
// True when the interface speaks Chinese (QLocale's default, set by the composition root).
bool chineseInterface();

} // namespace labels

} // namespace adm::views
