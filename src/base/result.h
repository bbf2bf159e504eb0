// Result<T> and TRY: error returns for cold, fallible code (loader, ETF, files, CLI).
// Hot paths use Term::none() with the reason in the Process instead.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace joist {

struct Error {
    std::string message;
};

template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error e) : m_v(std::in_place_index<1>, std::move(e)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const T& value() const& { return std::get<0>(m_v); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error e) : m_err(std::move(e)), m_ok(false) {}
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_err; }

private:
    Error m_err;
    bool m_ok = true;
};

inline Error make_error(std::string msg) { return Error{std::move(msg)}; }

} // namespace joist

// TRY(expr): evaluate a Result; on error return the error from the enclosing function,
// otherwise yield the value. A GNU statement expression (g++ and clang).
#define TRY(expr)                                                                                  \
    ({                                                                                             \
        auto _joist_r = (expr);                                                                    \
        if (!_joist_r.ok()) return _joist_r.error();                                               \
        std::move(_joist_r).value();                                                               \
    })
#define TRY_VOID(expr)                                                                             \
    do {                                                                                           \
        auto _joist_r = (expr);                                                                    \
        if (!_joist_r.ok()) return _joist_r.error();                                               \
    } while (0)
