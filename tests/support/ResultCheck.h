#pragma once

#include <QTest>

// Fails the test, naming the error, when a Result or Status holds an error; a test that went on
// would dereference a Result without a value (undefined behaviour, usually a crash that hides the
// reason). For use in test functions and in helpers that return void.
#define QVERIFY_OK(result)                                                                                             \
    do {                                                                                                               \
        const auto& checked_ = (result);                                                                               \
        QVERIFY2(checked_.ok(),                                                                                        \
                 qPrintable(QStringLiteral("%1: %2").arg(checked_.error().code, checked_.error().message)));           \
    } while (false)
