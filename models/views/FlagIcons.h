#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace adm::views {

// Small painted icons for the queue: one coloured mark per flag (red: the child is not eligible or
// the property is gone; amber: a person must look; blue: worth a glance), and the state of a
// decision of this workstation. Painted, not loaded, so they need no resources; cached per mask.
// Needs a QGuiApplication; without one (a benchmark) the icons are null.
class FlagIcons {
public:
    static QColor color(const QString& flag);
    static QIcon forMask(qint64 mask);
    static QIcon pendingDecision();
    static QIcon conflict();
};

} // namespace adm::views
