#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace adm {

// An error a caller must handle: a stable machine code plus a sentence for a person
// (already translated where it reaches a user).
struct Error {
    QString code;
    QString message;
};

// Errors are values: no exceptions cross the event loop. A Result holds either a T or an Error.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    const T& operator*() const& { return *m_value; }
    T& operator*() & { return *m_value; }

    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// Result without a value: success or an Error.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error)
        : m_failed(true)
        , m_error(std::move(error))
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

inline Error makeError(QString code, QString message)
{
    return Error{std::move(code), std::move(message)};
}

} // namespace adm
