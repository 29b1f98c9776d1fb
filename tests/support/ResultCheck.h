#pragma once

#include <QTest>
#include <type_traits>

// Fails the test, naming the error, when a Result or Status holds an error; a test that went on
// would dereference a Result without a value (undefined behaviour, usually a crash that hides the
// reason). For use in test functions and in helpers that return void.
#define QVERIFY_OK(result)                                                                                             \
    do {                                                                                                               \
        const auto& checked_ = (result);                                                                               \
        QVERIFY2(checked_.ok(),                                                                                        \
                 qPrintable(QStringLiteral("%1: %2").arg(checked_.error().code, checked_.error().message)));           \
    } while (false)

namespace testsupport {

// The value of a Result that a test cannot go on without. A failed one records a test failure naming
// the error and gives a default value instead of a crash; the test's next check then stops it.
template <typename R> auto valueOrFail(const R& result, const char* expression, const char* file, int line)
{
    using T = std::decay_t<decltype(*result)>;
    if (result.ok())
        return T(*result);
    QTest::qFail(
        qPrintable(
            QStringLiteral("%1: %2: %3").arg(QLatin1String(expression), result.error().code, result.error().message)),
        file, line);
    return T{};
}

} // namespace testsupport

#define TEST_VALUE(result) testsupport::valueOrFail((result), #result, __FILE__, __LINE__)
