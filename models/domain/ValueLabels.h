#pragma once

#include <QString>

namespace adm {

// The words a person reads for the code values of the contract (relation "father", property
// status "sealed", usage "commercial", application status "withdrawn", ...). A value this version
// does not know is shown as it came.
QString valueLabel(const QString& code);

} // namespace adm
