// SPDX-License-Identifier: GPL-3.0-or-later
// patchwise-cli: the headless front end. Every command prints JSON so that pipelines and
// tests can rely on it.

#include "cvss/cvssjsonline.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view kUsage =
    "usage: patchwise-cli <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  cvss [VECTOR...]   score CVSS v2.0/v3.0/v3.1/v4.0 vectors; without arguments, read one\n"
    "                     vector per line from standard input. Prints one JSON object per\n"
    "                     vector and line (rejected vectors as {\"vector\":…,\"error\":…}).\n"
    "\n"
    "options:\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n"
    "\n"
    "exit status: 0 when every input was processed (even if some vectors were rejected),\n"
    "2 on a usage error, 1 when input or output failed.\n";

int usageError(std::string_view message)
{
    std::cerr << "patchwise-cli: " << message << "\n\n" << kUsage;
    return 2;
}

int runCvss(int argc, char **argv)
{
    std::string out;
    auto emit = [&](std::string_view input) {
        out = patchwise::cvss::jsonLine(input);
        out.push_back('\n');
        std::fwrite(out.data(), 1, out.size(), stdout);
    };

    // Vectors come from the arguments, or from standard input when there are none (or the
    // only argument is "-"). A vector never starts with '-', so anything else that does is
    // an option we do not know.
    bool fromArguments = false;
    bool dashSeen = false;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (arg == "-")
            dashSeen = true;
        else if (arg.starts_with('-'))
            return usageError("cvss: unknown option \"" + std::string(arg) + "\"");
        else
            fromArguments = true;
    }
    if (dashSeen && fromArguments)
        return usageError("cvss: give vectors as arguments or \"-\" for standard input, not both");
    if (fromArguments) {
        for (int i = 2; i < argc; ++i)
            emit(argv[i]);
    } else {
        std::ios::sync_with_stdio(false);
        std::string line;
        while (std::getline(std::cin, line))
            emit(line);
        if (std::cin.bad()) {
            std::cerr << "patchwise-cli cvss: error reading standard input\n";
            return 1;
        }
    }
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::cerr << "patchwise-cli cvss: error writing standard output\n";
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usageError("no command given");
    const std::string_view command = argv[1];
    if (command == "-h" || command == "--help" || command == "help") {
        std::cout << kUsage;
        return 0;
    }
    if (command == "--version") {
        std::cout << "patchwise-cli " << PATCHWISE_VERSION << "\n";
        return 0;
    }
    if (command == "cvss")
        return runCvss(argc, argv);
    return usageError("unknown command \"" + std::string(command) + "\"");
}
