#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace nrdb {

// What went wrong, in terms a caller can branch on; bugs are asserts, not ErrorKinds.
enum class ErrorKind {
    Usage,          // bad input from the user
    NotFound,       // a file, binary or object that should exist does not
    Io,             // the file system refused
    Process,        // a child process failed
    Connection,     // the server could not be reached
    Authentication, // the server refused the credentials
    Sql,            // the server rejected a statement
    Busy,           // a resource (port, lock) is held by someone else
    Timeout,
    Cancelled,
};

QString errorKindName(ErrorKind kind);

// An error the user can cause: a value with a kind, a one-line message, and optional detail.
struct Error {
    ErrorKind kind = ErrorKind::Usage;
    QString message;
    QString sqlState; // SQLSTATE for server errors, empty otherwise
    QString detail;   // e.g. the tail of a server log

    // The message, then the detail on the lines below it.
    QString fullText() const;

    // One for each kind: the message, then what to say below it (and for the server's errors its
    // SQLSTATE).
    static Error usage(QString message, QString detail = {})
    {
        return of(ErrorKind::Usage, std::move(message), std::move(detail));
    }
    static Error notFound(QString message, QString detail = {})
    {
        return of(ErrorKind::NotFound, std::move(message), std::move(detail));
    }
    static Error io(QString message, QString detail = {})
    {
        return of(ErrorKind::Io, std::move(message), std::move(detail));
    }
    static Error process(QString message, QString detail = {})
    {
        return of(ErrorKind::Process, std::move(message), std::move(detail));
    }
    static Error connection(QString message, QString detail = {})
    {
        return of(ErrorKind::Connection, std::move(message), std::move(detail));
    }
    static Error authentication(QString message, QString detail = {})
    {
        return of(ErrorKind::Authentication, std::move(message), std::move(detail));
    }
    static Error sql(QString message, QString sqlState, QString detail = {})
    {
        return Error{ErrorKind::Sql, std::move(message), std::move(sqlState), std::move(detail)};
    }
    static Error busy(QString message, QString detail = {})
    {
        return of(ErrorKind::Busy, std::move(message), std::move(detail));
    }
    static Error timeout(QString message, QString detail = {})
    {
        return of(ErrorKind::Timeout, std::move(message), std::move(detail));
    }
    static Error cancelled(QString message, QString detail = {})
    {
        return of(ErrorKind::Cancelled, std::move(message), std::move(detail));
    }

private:
    static Error of(ErrorKind kind, QString message, QString detail)
    {
        return Error{kind, std::move(message), {}, std::move(detail)};
    }
};

// A value or an Error. Any thread; a plain value type.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Success without a value, or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace nrdb
