// SPDX-License-Identifier: GPL-3.0-or-later
// patchwise-cli's help as a user meets it: the overview, every command's --help (usage,
// options, examples), --version, and usage errors that point to --help. The options a
// command accepts come from this file's own list and from probing the binary, never from
// the help text alone, so help and parser drifting apart fails here.

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

namespace {

struct Run
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray out;
    QByteArray err;
};

// Runs the CLI in `directory` (a scratch folder: probes must never write beside the
// tests) with standard input closed.
Run runCli(const QStringList &args, const QString &directory = {})
{
    QProcess p;
    if (!directory.isEmpty())
        p.setWorkingDirectory(directory);
    p.start(QStringLiteral(PATCHWISE_CLI), args);
    if (!p.waitForStarted())
        return {};
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// The specification: every command and the options it accepts (besides -h/--help, which
// all accept). Kept by hand on purpose: it is what the help and the parser are checked
// against.
struct CommandSpec
{
    const char *name;
    const char *options; // space-separated
};

constexpr CommandSpec kSpecs[]{
    {"cvss", ""},
    {"import", "--db --keep-going --only --snapshot-time"},
    {"findings", "--db --filter --sort --limit --format --suppressed --policy --now"},
    {"images", "--db --policy --now"},
    {"trends", "--db --policy --now"},
    {"matrix", "--db --vendor --policy --now"},
    {"layers", "--db --image --policy --now"},
    {"base", "--db --image --set --layers --clear"},
    {"plan",
     "--db --filter --format --out --simulate --rows --listed --detailed --findings-per-action "
     "--policy --now"},
    {"decide",
     "--db --filter --state --scope --reason --until --justification --note --owner --policy "
     "--now"},
    {"decisions", "--db --history --now --policy"},
    {"vex import", "--db --dry-run --matching-only --owner --now --policy"},
    {"vex export", "--db --out --author --now"},
    {"policy", "--policy"},
    {"vex", ""},
};

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// A section of the help: the lines after "Title:" up to the next blank line.
QStringList section(const QByteArray &help, const QString &title)
{
    const QStringList lines = QString::fromUtf8(help).split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(title + QLatin1Char(':'));
    if (start < 0)
        return {};
    QStringList body;
    for (qsizetype i = start + 1; i < lines.size() && !lines[i].isEmpty(); ++i)
        body << lines[i];
    return body;
}

// The "Examples:" section as whole command lines: a line ending in " \\" continues on
// the next, indented line. An empty list when a line fits neither shape.
QStringList exampleCommands(const QByteArray &help)
{
    QStringList commands;
    bool continued = false;
    for (const QString &line : section(help, QStringLiteral("Examples"))) {
        if (continued && line.startsWith(QLatin1String("    ")))
            commands.last() += QLatin1Char(' ') + line.trimmed();
        else if (!continued && line.startsWith(QLatin1String("  ")) &&
                 !line.startsWith(QLatin1String("   ")))
            commands << line.trimmed();
        else
            return {};
        continued = commands.last().endsWith(QLatin1String(" \\"));
        if (continued)
            commands.last().chop(2);
    }
    return continued ? QStringList() : commands;
}

// An option the help lists, and the placeholder of its value ("" for a flag).
struct ListedOption
{
    QString name;
    QString value;
};

// The options of the help's "Options:" section: lines "  --name [VALUE]   description" or
// "  -h, --help   description"; continuation lines are indented further.
QList<ListedOption> listedOptions(const QByteArray &help)
{
    static const QRegularExpression line(
        QStringLiteral("^  (?:-[a-zA-Z], )?(--[a-z][a-z-]*)(?: ([^ ]+))?(?:  |$)"));
    QList<ListedOption> options;
    for (const QString &l : section(help, QStringLiteral("Options")))
        if (const auto m = line.match(l); m.hasMatch())
            options.append({m.captured(1), m.captured(2)});
    return options;
}

bool mentionsUnknownOption(const Run &r)
{
    return r.err.contains("unknown option") || r.out.contains("unknown option");
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_scratch;

    void addCommandRows()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QStringList>("options");
        for (const CommandSpec &s : kSpecs)
            QTest::newRow(s.name) << words(s.name) << words(s.options);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_scratch.isValid()); }

    void overview()
    {
        const Run r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.out.startsWith("Usage: patchwise-cli COMMAND"));
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
        QVERIFY2(lines.size() <= 61, qPrintable(QString::number(lines.size())));
        for (const QString &l : lines)
            QVERIFY2(l.size() <= 80, qPrintable(l));
        // Every command, one line each, in the "Commands:" section.
        const QStringList commands = section(r.out, QStringLiteral("Commands"));
        for (const CommandSpec &s : kSpecs) {
            if (QLatin1String(s.name) == QLatin1String("vex"))
                continue; // listed as its two subcommands
            const QString prefix = QStringLiteral("  ") + QLatin1String(s.name) + QLatin1Char(' ');
            QVERIFY2(std::any_of(commands.begin(),
                                 commands.end(),
                                 [&](const QString &l) { return l.startsWith(prefix); }),
                     s.name);
        }
        for (const char *text : {"--policy FILE",
                                 "--now TIME",
                                 "--help",
                                 "--version",
                                 "Exit status:",
                                 "Run 'patchwise-cli COMMAND --help'"})
            QVERIFY2(r.out.contains(text), text);
        // -h and help say the same.
        QCOMPARE(runCli({QStringLiteral("-h")}).out, r.out);
        const Run help = runCli({QStringLiteral("help")});
        QCOMPARE(help.exitCode, 0);
        QCOMPARE(help.out, r.out);
    }

    void version()
    {
        const Run r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("patchwise-cli " PATCHWISE_VERSION "\n"));
        QVERIFY(r.err.isEmpty());
        QCOMPARE(runCli({QStringLiteral("-V")}).out, r.out);
    }

    void commandHelp_data() { addCommandRows(); }
    void commandHelp()
    {
        QFETCH(QStringList, command);
        QFETCH(QStringList, options);
        const QString name = command.join(QLatin1Char(' '));
        const Run r = runCli(command + QStringList{QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY2(r.out.startsWith(
                     (QStringLiteral("Usage: patchwise-cli ") + name + QLatin1Char(' ')).toUtf8()),
                 r.out.constData());
        for (const QString &l : QString::fromUtf8(r.out).split(QLatin1Char('\n')))
            QVERIFY2(l.size() <= 80, qPrintable(l));

        // Examples: at least one, each a command line of this command (continued on the
        // next line after a backslash).
        const QStringList examples = exampleCommands(r.out);
        QVERIFY2(!examples.isEmpty(), r.out.constData());
        for (const QString &e : examples)
            QVERIFY2(e.startsWith(QStringLiteral("patchwise-cli ") + name + QLatin1Char(' ')),
                     qPrintable(e));

        // The options listed are exactly the specified ones, plus --help.
        QStringList listed;
        for (const ListedOption &o : listedOptions(r.out))
            listed << o.name;
        QVERIFY2(listed.removeAll(QStringLiteral("--help")) == 1, r.out.constData());
        QStringList expected = options;
        listed.sort();
        expected.sort();
        QCOMPARE(listed, expected);

        // -h and "help COMMAND" say the same.
        QCOMPARE(runCli(command + QStringList{QStringLiteral("-h")}).out, r.out);
        const Run help = runCli(QStringList{QStringLiteral("help")} + command);
        QCOMPARE(help.exitCode, 0);
        QCOMPARE(help.out, r.out);
    }

    // Every option the help lists is one the parser accepts (with a value when the help
    // shows one); every option of another command is one it rejects.
    void parserAcceptsWhatHelpLists_data() { addCommandRows(); }
    void parserAcceptsWhatHelpLists()
    {
        QFETCH(QStringList, command);
        QFETCH(QStringList, options);
        const Run help = runCli(command + QStringList{QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const ListedOption &o : listedOptions(help.out)) {
            if (o.name == QLatin1String("--help"))
                continue;
            QStringList args = command + QStringList{o.name};
            if (!o.value.isEmpty())
                args << QStringLiteral("x");
            const Run r = runCli(args, m_scratch.path());
            QVERIFY2(r.exitCode != -1, qPrintable(args.join(QLatin1Char(' '))));
            QVERIFY2(!mentionsUnknownOption(r), r.err.constData());
            QVERIFY2(!r.err.contains("needs a value"), r.err.constData());
            QVERIFY2(!r.err.contains("unexpected argument"), r.err.constData());
        }
        QSet<QString> others;
        for (const CommandSpec &s : kSpecs)
            for (const QString &o : words(s.options))
                if (!options.contains(o))
                    others.insert(o);
        for (const QString &o : others) {
            const Run r = runCli(command + QStringList{o, QStringLiteral("x")}, m_scratch.path());
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(mentionsUnknownOption(r), qPrintable(o));
        }
    }

    void unknownOptionIsAUsageError_data() { addCommandRows(); }
    void unknownOptionIsAUsageError()
    {
        QFETCH(QStringList, command);
        const QString name = command.join(QLatin1Char(' '));
        for (const char *bogus : {"--definitely-not-an-option", "--definitely-not-an-option=1"}) {
            const Run r = runCli(command + QStringList{QLatin1String(bogus)}, m_scratch.path());
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains("unknown option \"--definitely-not-an-option"),
                     r.err.constData());
            // The command's usage line and a pointer to its help, not the whole overview.
            QVERIFY2(
                r.err.contains(
                    (QStringLiteral("Usage: patchwise-cli ") + name + QLatin1Char(' ')).toUtf8()),
                r.err.constData());
            QVERIFY2(r.err.contains(
                         (QStringLiteral("'patchwise-cli ") + name + QStringLiteral(" --help'"))
                             .toUtf8()),
                     r.err.constData());
            QVERIFY2(!r.err.contains("Commands:") && !r.err.contains("Examples:"),
                     r.err.constData());
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QString>("helpHint");
        const QString global = QStringLiteral("'patchwise-cli --help'");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command") << global;
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("unknown command") << global;
        QTest::newRow("help, unknown command")
            << QStringList{QStringLiteral("help"), QStringLiteral("frobnicate")}
            << QStringLiteral("unknown command") << global;
        QTest::newRow("findings without --db")
            << QStringList{QStringLiteral("findings")} << QStringLiteral("--db FILE is required")
            << QStringLiteral("'patchwise-cli findings --help'");
        QTest::newRow("matrix without --vendor")
            << QStringList{QStringLiteral("matrix"), QStringLiteral("--db"), QStringLiteral("x")}
            << QStringLiteral("--vendor SOURCE is required")
            << QStringLiteral("'patchwise-cli matrix --help'");
        QTest::newRow("option without its value")
            << QStringList{QStringLiteral("findings"), QStringLiteral("--db")}
            << QStringLiteral("option --db needs a value")
            << QStringLiteral("'patchwise-cli findings --help'");
        QTest::newRow("vex without a subcommand")
            << QStringList{QStringLiteral("vex")} << QStringLiteral("vex import")
            << QStringLiteral("'patchwise-cli vex --help'");
        QTest::newRow("vex import without files")
            << QStringList{QStringLiteral("vex"),
                           QStringLiteral("import"),
                           QStringLiteral("--db"),
                           QStringLiteral("x")}
            << QStringLiteral("VEX FILE") << QStringLiteral("'patchwise-cli vex import --help'");
        QTest::newRow("cvss mixing arguments and stdin")
            << QStringList{QStringLiteral("cvss"),
                           QStringLiteral("-"),
                           QStringLiteral("AV:N/AC:L/Au:N/C:P/I:P/A:P")}
            << QStringLiteral("not both") << QStringLiteral("'patchwise-cli cvss --help'");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        QFETCH(QString, helpHint);
        const Run r = runCli(args, m_scratch.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(says.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains(helpHint.toUtf8()), r.err.constData());
        // Short: the message, the usage (at most three lines), the pointer; no whole help.
        QVERIFY2(r.err.count('\n') <= 5, r.err.constData());
        QVERIFY2(!r.err.contains("Options:"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_clihelp.moc"
