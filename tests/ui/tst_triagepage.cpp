// SPDX-License-Identifier: GPL-3.0-or-later
// TriagePage driven through its real widgets (typing, Enter, quick-filter buttons, row
// clicks) over a Workbench loaded from a synthetic workspace.
#include "advisorysource.h"
#include "findingdetails.h"
#include "layers/factscache.h"
#include "risk/filter.h"
#include "store/workspace.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "workbench.h"
#include "workbenchfixture.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>

using namespace patchwise;
using ui::TriageModel;
using ui::TriagePage;
using ui::Workbench;
namespace wf = workbenchfixture;

class TestTriagePage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<Workbench> m_workbench;
    std::unique_ptr<TriagePage> m_page;

    QLineEdit *edit() const { return m_page->findChild<QLineEdit *>(QStringLiteral("filterEdit")); }
    QLabel *error() const { return m_page->findChild<QLabel *>(QStringLiteral("filterError")); }
    QLabel *count() const { return m_page->findChild<QLabel *>(QStringLiteral("countLabel")); }
    QTableView *view() const
    {
        return m_page->findChild<QTableView *>(QStringLiteral("triageView"));
    }
    QTextBrowser *details() const
    {
        return m_page->findChild<QTextBrowser *>(QStringLiteral("details"));
    }
    QToolButton *button(const char *name) const
    {
        return m_page->findChild<QToolButton *>(QLatin1String(name));
    }
    TriageModel *model() const { return m_page->model(); }

    std::vector<std::uint32_t> rows() const
    {
        std::vector<std::uint32_t> out;
        for (int r = 0; r < model()->rowCount(); ++r)
            out.push_back(model()->findingAt(r));
        return out;
    }

    int openCount(const std::function<bool(std::uint32_t)> &pred) const
    {
        const risk::Scoring &s = m_workbench->scoring();
        int n = 0;
        for (std::uint32_t f = 0; f < s.size(); ++f)
            n += s.isOpen(f) && pred(f);
        return n;
    }

    static QString countText(int shown, int total)
    {
        return QStringLiteral("%1 of %2 findings").arg(shown).arg(total);
    }

    // Types into the filter box like an analyst and presses Enter: select everything and
    // type over it (erasing first would apply the empty filter on the way, by design).
    void typeFilter(const QString &text)
    {
        edit()->setFocus();
        edit()->selectAll();
        QTest::keyClicks(edit(), text);
        QCOMPARE(edit()->text(), text); // the inline completer did not alter it
        QTest::keyClick(edit(), Qt::Key_Return);
    }

    ui::AdvisorySource *advisories() const
    {
        return m_page->findChild<ui::AdvisorySource *>(QStringLiteral("advisories"));
    }

    // The first open finding (in table order) of vulnerability `id`.
    int rowOfVuln(const QString &id) const
    {
        const risk::Facts &facts = m_workbench->facts();
        for (int r = 0; r < model()->rowCount(); ++r)
            if (QString::fromStdString(facts.vulns[facts.vuln[model()->findingAt(r)]].id) == id)
                return r;
        return -1;
    }

    // Every link of the details pane (hrefs, in document order, each once).
    QStringList detailsLinks() const
    {
        QStringList hrefs;
        for (QTextBlock b = details()->document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().isAnchor() &&
                    !it.fragment().charFormat().anchorHref().isEmpty()) // not a named anchor
                    hrefs << it.fragment().charFormat().anchorHref();
        hrefs.removeDuplicates();
        return hrefs;
    }

    // Clicks the link to `href` in the details pane with the mouse.
    void clickLink(const QString &href)
    {
        QTextCursor cursor;
        for (QTextBlock b = details()->document()->begin(); b.isValid() && cursor.isNull();
             b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().anchorHref() == href) {
                    cursor = QTextCursor(details()->document());
                    cursor.setPosition(it.fragment().position() + 1);
                    break;
                }
        QVERIFY2(!cursor.isNull(), qPrintable(href));
        details()->setTextCursor(cursor);
        details()->ensureCursorVisible();
        const QPoint at = details()->cursorRect(cursor).center() - QPoint(2, 0);
        QCOMPARE(details()->anchorAt(at), href);
        QTest::mouseClick(details()->viewport(), Qt::LeftButton, {}, at);
    }

    // Blocks (paragraphs, list items) of the details pane holding `text`.
    QStringList blocksWith(const QString &text) const
    {
        QStringList out;
        for (QTextBlock b = details()->document()->begin(); b.isValid(); b = b.next())
            if (b.text().contains(text))
                out << b.text();
        return out;
    }

    QList<QUrl> m_opened; // URLs the pane handed to QDesktopServices (see init())

    void clickRow(int row)
    {
        const QModelIndex index = model()->index(row, TriageModel::Vulnerability);
        view()->scrollTo(index);
        const QRect rect = view()->visualRect(index);
        QVERIFY(rect.isValid());
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(view()->currentIndex().row(), row);
    }

public Q_SLOTS:
    void recordOpenedUrl(const QUrl &url) { m_opened << url; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_db = wf::buildWorkspace(m_dir, true);
        QVERIFY(!m_db.isEmpty());
    }

    void init()
    {
        m_workbench = std::make_unique<Workbench>();
        m_page = std::make_unique<TriagePage>(m_workbench.get());
        m_page->resize(1400, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(edit() && error() && count() && view() && details());
        for (const char *name : {"quick_fixable",
                                 "quick_kev",
                                 "quick_exposed",
                                 "quick_basefix",
                                 "quick_breached",
                                 "showClosed"})
            QVERIFY2(button(name), name);
        QSignalSpy loaded(m_workbench.get(), &Workbench::loaded);
        m_workbench->open(m_db, risk::Policy{}, wf::kNow);
        QVERIFY(loaded.wait(10000));
        // The fixture's 50 findings and image 8's two; 2 closed.
        QCOMPARE(int(m_workbench->facts().size()), 52);
        QCOMPARE(count()->text(), countText(50, 52));
        QVERIFY(!error()->isVisible());
    }

    void cleanup()
    {
        for (const char *scheme : {"http", "https", "javascript", "data", "file"})
            QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
        m_opened.clear();
        m_page.reset();
        m_workbench.reset();
    }

    void typedFilterChangesRows()
    {
        const QString before = count()->text();
        typeFilter(QStringLiteral("severity >= high"));
        QVERIFY(!error()->isVisible());
        const risk::Scoring &s = m_workbench->scoring();
        const auto high = [&](std::uint32_t f) { return s.severity(f) >= model::Severity::High; };
        const int expected = openCount(high);
        QVERIFY(expected > 0 && expected < 50);
        QCOMPARE(model()->rowCount(), expected);
        for (std::uint32_t f : rows())
            QVERIFY(s.isOpen(f) && high(f));
        QVERIFY(count()->text() != before);
        QCOMPARE(count()->text(), countText(expected, 52));

        // The debounce applies a typed filter without Enter too.
        edit()->selectAll();
        QTest::keyClick(edit(), Qt::Key_Backspace); // empty: applied at once (clear button path)
        QCOMPARE(count()->text(), countText(50, 52));
        QTest::keyClicks(edit(), QStringLiteral("package = curl"));
        QTRY_COMPARE_WITH_TIMEOUT(count()->text(),
                                  countText(openCount([&](std::uint32_t f) {
                                                const auto &facts = m_workbench->facts();
                                                return facts.strings[facts.package[f]] == "curl";
                                            }),
                                            52),
                                  3000);
    }

    void invalidFilterShowsErrorAndKeepsRows()
    {
        typeFilter(QStringLiteral("kev"));
        QVERIFY(!error()->isVisible());
        const auto before = rows();
        const QString countBefore = count()->text();
        QVERIFY(!before.empty());

        typeFilter(QStringLiteral("severity >>"));
        QVERIFY(error()->isVisible());
        QVERIFY2(error()->text().contains(QStringLiteral("column")), qPrintable(error()->text()));
        QCOMPARE(rows(), before);
        QCOMPARE(count()->text(), countBefore);
        QCOMPARE(model()->filterText(), QStringLiteral("kev")); // the last good filter

        // Fixing the text hides the error again.
        typeFilter(QStringLiteral("severity >= medium"));
        QVERIFY(!error()->isVisible());
        QCOMPARE(model()->filterText(), QStringLiteral("severity >= medium"));
        // With a quick filter the typed text is parenthesised.
        QTest::mouseClick(button("quick_kev"), Qt::LeftButton);
        QCOMPARE(model()->filterText(), QStringLiteral("(severity >= medium) and kev"));
        QTest::mouseClick(button("quick_kev"), Qt::LeftButton);
        QCOMPARE(model()->filterText(), QStringLiteral("severity >= medium"));
    }

    void invalidTypedFilterWithQuickFilterShowsError()
    {
        QTest::mouseClick(button("quick_fixable"), Qt::LeftButton);
        QVERIFY(button("quick_fixable")->isChecked());
        const auto before = rows();
        typeFilter(QStringLiteral("severity >>"));
        QVERIFY(error()->isVisible());
        // The column points into what was typed, not into "(severity >>) and fixable".
        const auto parsed = risk::Filter::parse("severity >>");
        QVERIFY(!parsed);
        const QString typedError = QString::fromStdString(parsed.error());
        QVERIFY(typedError.startsWith(QStringLiteral("column ")));
        QVERIFY2(error()->text().contains(typedError), qPrintable(error()->text()));
        QCOMPARE(rows(), before);
    }

    void quickKevLeavesOnlyKev()
    {
        const risk::Facts &facts = m_workbench->facts();
        const auto kev = [&](std::uint32_t f) { return facts.vulns[facts.vuln[f]].kev; };
        const int expected = openCount(kev);
        QVERIFY(expected > 0 && expected < 50);
        QToolButton *b = button("quick_kev");
        QTest::mouseClick(b, Qt::LeftButton);
        QVERIFY(b->isChecked());
        QCOMPARE(model()->rowCount(), expected);
        for (std::uint32_t f : rows())
            QVERIFY(kev(f));
        QCOMPARE(count()->text(), countText(expected, 52));
        // Combined with a typed filter.
        typeFilter(QStringLiteral("vuln = CVE-2025-0007"));
        QVERIFY(!error()->isVisible());
        QCOMPARE(model()->rowCount(), openCount([&](std::uint32_t f) {
                     return facts.vulns[facts.vuln[f]].id == "CVE-2025-0007";
                 }));
        for (std::uint32_t f : rows())
            QCOMPARE(QString::fromStdString(facts.vulns[facts.vuln[f]].id),
                     QStringLiteral("CVE-2025-0007"));
        // Untoggling and clearing restores everything.
        edit()->clear();
        QTest::mouseClick(b, Qt::LeftButton);
        QVERIFY(!b->isChecked());
        QCOMPARE(model()->rowCount(), 50);
    }

    void showClosedButton()
    {
        QTest::mouseClick(button("showClosed"), Qt::LeftButton);
        QCOMPARE(model()->rowCount(), 52);
        QCOMPARE(count()->text(), countText(52, 52));
        QTest::mouseClick(button("showClosed"), Qt::LeftButton);
        QCOMPARE(model()->rowCount(), 50);
    }

    void selectingARowFillsDetails()
    {
        QVERIFY(details()->toPlainText().isEmpty());
        const int row = 4;
        clickRow(row);
        const std::uint32_t f = model()->findingAt(row);
        const risk::Facts &facts = m_workbench->facts();
        const QString id = QString::fromStdString(facts.vulns[facts.vuln[f]].id);
        const QString text = details()->toPlainText();
        QVERIFY2(text.contains(id), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Severity")));
        QVERIFY(text.contains(QString::fromStdString(facts.images[facts.image[f]].name)));
        QVERIFY(text.contains(QStringLiteral("rank %1").arg(m_workbench->scoring().rank(f))));

        // Another row replaces it.
        clickRow(row + 1);
        const std::uint32_t g = model()->findingAt(row + 1);
        QVERIFY(details()->toPlainText().contains(
            QString::fromStdString(facts.images[facts.image[g]].name)));
        QVERIFY(details()->toPlainText().contains(
            QStringLiteral("rank %1").arg(m_workbench->scoring().rank(g))));
    }

    void hostilePackageNameIsEscaped()
    {
        const risk::Facts &facts = m_workbench->facts();
        std::uint32_t hostile = UINT32_MAX;
        for (std::uint32_t f = 0; f < facts.size(); ++f)
            if (facts.vulns[facts.vuln[f]].id == wf::kHostileVuln.toStdString())
                hostile = f;
        QVERIFY(hostile != UINT32_MAX);
        QCOMPARE(QString::fromStdString(facts.strings[facts.package[hostile]]),
                 wf::kHostilePackage);

        // The HTML the page builds escapes it …
        const QString html = ui::findingDetailsHtml(*m_workbench, hostile);
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));

        // … and the browser shows it as text.
        const int row = model()->rowOf(hostile);
        QVERIFY(row >= 0);
        QCOMPARE(model()->index(row, TriageModel::Package).data().toString(), wf::kHostilePackage);
        clickRow(row);
        QVERIFY(details()->toPlainText().contains(wf::kHostileVuln));
        QVERIFY2(details()->toPlainText().contains(wf::kHostilePackage),
                 qPrintable(details()->toPlainText()));
        const QString shown = details()->toHtml();
        QVERIFY(!shown.contains(QStringLiteral("<script")));
        QVERIFY(shown.contains(QStringLiteral("&lt;script&gt;")));
    }

    // The advisory link is a single-quoted attribute: an id holding a quote must not end it.
    void advisoryLinkKeepsTheWholeId()
    {
        const risk::Facts &facts = m_workbench->facts();
        std::uint32_t quoted = UINT32_MAX;
        for (std::uint32_t f = 0; f < facts.size(); ++f)
            if (facts.vulns[facts.vuln[f]].id == wf::kQuoteVuln.toStdString())
                quoted = f;
        QVERIFY(quoted != UINT32_MAX);
        clickRow(model()->rowOf(quoted));
        QVERIFY(details()->toPlainText().contains(wf::kQuoteVuln));
        const QStringList hrefs = detailsLinks();
        QCOMPARE(hrefs.size(), 1);
        QCOMPARE(hrefs.at(0), ui::advisoryUrl(wf::kQuoteVuln));
    }

    // The advisory's title and description under the heading, cut with an in-page "more";
    // its CWEs, alias and references (the first few, then all) as links.
    void detailsShowTheAdvisory()
    {
        const int row = rowOfVuln(QStringLiteral("CVE-2025-0001"));
        QVERIFY(row >= 0);
        clickRow(row);
        QString text = details()->toPlainText();
        QVERIFY2(text.contains(wf::kLongTitle), qPrintable(text));
        QVERIFY(text.contains(wf::kLongParagraphs.at(0)));
        // Paragraph breaks survive: the first paragraph is a block of its own.
        QCOMPARE(blocksWith(wf::kLongParagraphs.at(0).left(40)),
                 QStringList{wf::kLongParagraphs.at(0)});
        // Cut: the last paragraph is not shown until asked for.
        QVERIFY(!text.contains(QStringLiteral("TAIL-OF-THE-DESCRIPTION")));
        QStringList links = detailsLinks();
        QVERIFY(links.contains(QLatin1String(ui::kDescriptionToggleLink)));
        QVERIFY(links.contains(QStringLiteral("https://cwe.mitre.org/data/definitions/787.html")));
        QVERIFY(text.contains(QStringLiteral("NVD-CWE-Other")));
        QVERIFY(links.contains(ui::advisoryUrl(wf::kAlias)));
        QVERIFY(links.contains(ui::advisoryUrl(QStringLiteral("CVE-2025-0001"))));
        // 11 distinct references, sorted: the first 8 and a link to the rest.
        const auto reference = [](int n) {
            return QStringLiteral("https://example.org/advisories/%1")
                .arg(n, 2, 10, QLatin1Char('0'));
        };
        for (int n = 1; n <= 8; ++n)
            QVERIFY2(links.contains(reference(n)), qPrintable(reference(n)));
        QVERIFY(!links.contains(reference(9)));
        QVERIFY(links.contains(QLatin1String(ui::kReferencesToggleLink)));
        QVERIFY(links.indexOf(reference(1)) < links.indexOf(reference(2)));

        // The summary line jumps to the references at the end of the pane.
        QVERIFY(links.contains(QLatin1String(ui::kReferencesJumpLink)));
        clickLink(QLatin1String(ui::kReferencesJumpLink));
        QVERIFY(details()->verticalScrollBar()->value() > 0);

        // "more", clicked: the whole description, paragraphs kept, without reading again.
        const int reads = advisories()->reads();
        QVERIFY(reads > 0);
        clickLink(QLatin1String(ui::kDescriptionToggleLink));
        text = details()->toPlainText();
        QVERIFY2(text.contains(wf::kLongParagraphs.at(2)), qPrintable(text));
        for (const QString &paragraph : wf::kLongParagraphs) {
            const QStringList blocks = blocksWith(paragraph.left(40));
            QCOMPARE(blocks.size(), 1);
            // Its own block, followed by at most the "less" link.
            QVERIFY2(blocks.first().startsWith(paragraph) &&
                         blocks.first().size() <= paragraph.size() + 6,
                     qPrintable(blocks.first()));
        }
        // "show all": every reference once.
        clickLink(QLatin1String(ui::kReferencesToggleLink));
        links = detailsLinks();
        for (int n = 1; n <= 11; ++n)
            QVERIFY2(links.contains(reference(n)), qPrintable(reference(n)));
        QCOMPARE(details()->toPlainText().count(QStringLiteral("advisories/03")), 1);
        QCOMPARE(advisories()->reads(), reads);
        QVERIFY(m_opened.isEmpty()); // in-page links open nothing

        // A web link goes to the desktop.
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "recordOpenedUrl");
        clickLink(reference(4));
        QCOMPARE(m_opened, QList<QUrl>{QUrl(reference(4))});

        // Another finding starts with the description cut again.
        clickRow(row == 0 ? 1 : 0);
        clickRow(row);
        QVERIFY(!details()->toPlainText().contains(QStringLiteral("TAIL-OF-THE-DESCRIPTION")));
    }

    // Scan text in the advisory is shown as text: markup escaped, quotes kept, and only
    // http(s) references are links.
    void hostileAdvisoryIsEscaped()
    {
        const int row = rowOfVuln(wf::kHostileVuln);
        QVERIFY(row >= 0);
        clickRow(row);
        const QString text = details()->toPlainText();
        QVERIFY2(text.contains(wf::kHostileDescription), qPrintable(text));
        QVERIFY(text.contains(wf::kHostileTitle));
        for (const QString &url : {wf::kJavascriptUrl, wf::kDataUrl, wf::kFileUrl, wf::kQuotedUrl})
            QVERIFY2(text.contains(url), qPrintable(url));
        QVERIFY(text.contains(QStringLiteral("CWE-79\"><img src=x>")));
        const QString shown = details()->toHtml();
        QVERIFY(!shown.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!shown.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
        QVERIFY(!shown.contains(QStringLiteral("onerror=\""), Qt::CaseInsensitive));

        // The links are exactly these: the advisory, CWE-79, the two web references (and the
        // pane's own in-page links).
        QStringList links = detailsLinks();
        const QStringList inPage = links.filter(QRegularExpression(QStringLiteral("^#")));
        QCOMPARE(inPage, QStringList{QLatin1String(ui::kReferencesJumpLink)});
        for (const QString &href : inPage)
            links.removeAll(href);
        links.sort();
        QStringList expected{ui::advisoryUrl(wf::kHostileVuln),
                             QStringLiteral("https://cwe.mitre.org/data/definitions/79.html"),
                             QUrl(wf::kQuotedUrl).toString(QUrl::FullyEncoded),
                             wf::kSafeUrl};
        expected.sort();
        QCOMPARE(links, expected);
        for (const QString &href : links) {
            QVERIFY2(href.startsWith(QStringLiteral("https://")), qPrintable(href));
            QVERIFY2(!href.contains(u'"') && !href.contains(u'<') && !href.contains(u'>'),
                     qPrintable(href));
        }

        // The HTML itself, for a finding of this vulnerability.
        const risk::Facts &facts = m_workbench->facts();
        const std::uint32_t f = model()->findingAt(row);
        store::Advisory a;
        a.id = wf::kHostileVuln.toStdString();
        a.title = wf::kHostileTitle.toStdString();
        a.description = wf::kHostileDescription.toStdString();
        a.urls = {wf::kJavascriptUrl.toStdString(), wf::kDataUrl.toStdString()};
        a.aliases = {"x\" onclick=\"alert(5)"};
        ui::AdvisoryDisplay display;
        display.advisory = &a;
        const QString html = ui::findingDetailsHtml(*m_workbench, f, display);
        QCOMPARE(QString::fromStdString(facts.vulns[facts.vuln[f]].id), wf::kHostileVuln);
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<img")));
        QVERIFY(!html.contains(QStringLiteral("<b onmouseover")));
        QVERIFY(!html.contains(QStringLiteral("href=\"javascript"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("href=\"data"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("\" onclick")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert('description')")));

        // Whatever reaches the click handler, only web links are opened.
        for (const char *scheme : {"http", "https", "javascript", "data", "file"})
            QDesktopServices::setUrlHandler(QLatin1String(scheme), this, "recordOpenedUrl");
        for (const QString &url : {wf::kJavascriptUrl, wf::kDataUrl, wf::kFileUrl})
            Q_EMIT details()->anchorClicked(QUrl(url));
        QVERIFY(m_opened.isEmpty());
        Q_EMIT details()->anchorClicked(QUrl(wf::kSafeUrl));
        QCOMPARE(m_opened, QList<QUrl>{QUrl(wf::kSafeUrl)});
        QCOMPARE(ui::webLink(wf::kJavascriptUrl), QString());
        QCOMPARE(ui::webLink(QStringLiteral(" JavaScript:alert(1)")), QString());
        QCOMPARE(ui::webLink(QStringLiteral("https:no-host")), QString());
        QCOMPARE(ui::webLink(QStringLiteral("HTTPS://Example.com/a b")),
                 QStringLiteral("https://example.com/a%20b"));
    }

    // Links stay readable on a dark palette that keeps the default (dark blue) link colour.
    void linksAreReadableOnDarkPalettes()
    {
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Link, QColor(0x00, 0x00, 0xff));
        QCOMPARE(ui::detailsStyleSheet(light), QStringLiteral("a { color: #0000ff; }"));
        QPalette dark = light;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        const QString sheet = ui::detailsStyleSheet(dark);
        QVERIFY2(!sheet.contains(QStringLiteral("#0000ff")), qPrintable(sheet));
        dark.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3)); // a dark theme's own: kept
        QCOMPARE(ui::detailsStyleSheet(dark), QStringLiteral("a { color: #1d99f3; }"));
    }

    // Reading advisories leaves the workspace's files as they were, so the workbench's
    // facts cache (keyed on them) stays valid: with the workspace loaded, with an importer's
    // connection open, and while loading (when nothing is read at all).
    void advisoryLookupsLeaveTheWorkspaceAlone()
    {
        const std::string db = m_db.toStdString();
        const std::string before = layers::workspaceStateKey(db);
        QVERIFY(!before.empty());
        QVERIFY(!QFileInfo::exists(m_db + QStringLiteral("-wal")));
        const int reads = advisories()->reads();
        QStringList seen;
        for (int r = 0; r < model()->rowCount() && seen.size() < 5; ++r) {
            const risk::Facts &facts = m_workbench->facts();
            const QString id =
                QString::fromStdString(facts.vulns[facts.vuln[model()->findingAt(r)]].id);
            if (seen.contains(id))
                continue;
            seen << id;
            clickRow(r);
            QVERIFY(details()->toPlainText().contains(id));
        }
        QCOMPARE(advisories()->reads(), reads + 5);
        QCOMPARE(layers::workspaceStateKey(db), before);
        QVERIFY(!QFileInfo::exists(m_db + QStringLiteral("-wal")));
        QVERIFY(!QFileInfo::exists(m_db + QStringLiteral("-shm")));
        // Seen before: from memory.
        clickRow(rowOfVuln(seen.first()));
        QCOMPARE(advisories()->reads(), reads + 5);

        // With another connection open (an import running).
        const QString other =
            seen.first() == QLatin1String("CVE-2025-0001") ? seen.at(1) : seen.first();
        clickRow(rowOfVuln(other)); // from memory; CVE-2025-0001 is not the current row
        QCOMPARE(advisories()->reads(), reads + 5);
        {
            auto writer = store::Workspace::open(db);
            QVERIFY(writer);
            QVERIFY((*writer)->count("finding") > 0);
            QVERIFY(QFileInfo::exists(m_db + QStringLiteral("-wal")));
            const std::string busy = layers::workspaceStateKey(db);
            advisories()->clear();
            clickRow(rowOfVuln(QStringLiteral("CVE-2025-0001")));
            QVERIFY(details()->toPlainText().contains(wf::kLongTitle));
            QCOMPARE(advisories()->reads(), reads + 6);
            QCOMPARE(layers::workspaceStateKey(db), busy);
        }
        QCOMPARE(layers::workspaceStateKey(db), before);

        // While the workbench loads, nothing is read; a load drops what was kept.
        QSignalSpy loaded(m_workbench.get(), &Workbench::loaded);
        m_workbench->reload();
        const ui::AdvisorySource::Lookup pending = advisories()->lookup("CVE-2025-0001");
        QVERIFY(pending.pending && !pending.advisory && pending.error.isEmpty());
        QCOMPARE(advisories()->reads(), reads + 6);
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE(model()->rowCount(), 50);
        clickRow(rowOfVuln(QStringLiteral("CVE-2025-0001")));
        QVERIFY(details()->toPlainText().contains(wf::kLongTitle));
        QCOMPARE(advisories()->reads(), reads + 7);
        QCOMPARE(layers::workspaceStateKey(db), before);
    }

    // The details pane shows the current finding's current scores: after a what-if
    // rescore it must not keep showing the old rank.
    void detailsFollowARescore()
    {
        const risk::Facts &facts = m_workbench->facts();
        const risk::Scoring &before = m_workbench->scoring();
        // A KEV finding far down the list: the policy below moves it to the top.
        int row = -1;
        for (int r = model()->rowCount() - 1; r >= 0 && row < 0; --r)
            if (facts.vulns[facts.vuln[model()->findingAt(r)]].kev && r > 10)
                row = r;
        QVERIFY(row > 10);
        const std::uint32_t f = model()->findingAt(row);
        const std::uint32_t oldRank = before.rank(f);
        clickRow(row);
        QVERIFY(details()->toPlainText().contains(QStringLiteral("rank %1").arg(oldRank)));

        risk::Policy policy = m_workbench->policy();
        policy.weights[std::size_t(risk::Factor::Severity)] = 0.25;
        policy.weights[std::size_t(risk::Factor::KnownExploited)] = 6;
        policy.weights[std::size_t(risk::Factor::InternetExposure)] = 0;
        QSignalSpy rescored(m_workbench.get(), &Workbench::rescored);
        m_workbench->setPolicy(policy);
        QVERIFY(rescored.wait(10000));
        const std::uint32_t newRank = m_workbench->scoring().rank(f);
        QVERIFY(newRank != oldRank);
        const QString shown = details()->toPlainText();
        const bool stale = shown.contains(QStringLiteral("rank %1").arg(oldRank));
        QVERIFY2(shown.isEmpty() || !stale,
                 qPrintable(QStringLiteral("still shows rank %1, "
                                           "now %2")
                                .arg(oldRank)
                                .arg(newRank)));
    }
};

PATCHWISE_GUI_TEST_MAIN(TestTriagePage)
#include "tst_triagepage.moc"
