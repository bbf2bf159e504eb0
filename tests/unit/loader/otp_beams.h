// Test helpers: OTP's installed .beam files (Debian's erlang packages, under /usr/lib/erlang).
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace joist::test {

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The newest installed copy of an OTP application's beam, e.g. otp_beam("stdlib", "lists"),
// or an empty path.
inline std::filesystem::path otp_beam(const std::string& app, const std::string& module) {
    std::error_code ec;
    std::filesystem::path found;
    for (const auto& e : std::filesystem::directory_iterator("/usr/lib/erlang/lib", ec)) {
        std::string dir = e.path().filename().string();
        if (dir.rfind(app + "-", 0) != 0) continue;
        std::filesystem::path p = e.path() / "ebin" / (module + ".beam");
        if (std::filesystem::exists(p) && (found.empty() || p > found)) found = p;
    }
    return found;
}

} // namespace joist::test
