// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

class QPainter;
class QPagedPaintDevice;

namespace patchwise::report {

// A paginating writer for printed documents (PDF, print preview): headings, wrapped
// paragraphs, tables whose header row repeats on every page and whose rows never break
// across pages, and free drawings (charts) kept whole on a page. Every text is drawn as
// plain text (QTextLayout): nothing in it is read as markup, so scan text cannot load
// resources or change the document.
//
// Lengths are in points (1/72 inch) whatever the device's resolution. A document is laid out
// twice: a dry run that only measures (to count the pages for "page N of M"), then the
// painting run. The device's page size and margins must be set (A4, no margins: the
// document draws its own) before the painter begins.
class Document
{
public:
    struct Chrome
    {
        QString title;  // running header, left
        QString right;  // running header, right
        QString footer; // left of the page number
    };

    // `painter` is active on `device`, or null for a dry run. `totalPages` is the dry run's
    // count (0 in the dry run).
    Document(QPagedPaintDevice &device, QPainter *painter, Chrome chrome, int totalPages);
    ~Document();
    Document(const Document &) = delete;
    Document &operator=(const Document &) = delete;

    double width() const { return m_right - m_left; }
    double left() const { return m_left; }
    double y() const { return m_y; }
    double spaceLeft() const { return m_bottom - m_y; }
    int page() const { return m_page; }
    bool painting() const { return m_painter != nullptr; }

    void newPage();
    // Moves to the next page unless `height` fits below the cursor.
    void ensureSpace(double height);
    void space(double height);

    enum class Style
    {
        Title,
        Subtitle,
        Heading1,
        Heading2,
        Body,
        Small,
        Mono,
    };
    static QFont font(Style style); // sizes in points
    // The font for painting inside drawing(), whose painter is scaled to points; `points`
    // overrides the style's size.
    QFont drawingFont(Style style, double points = 0) const;

    // A heading kept on the page with at least `keepWith` points of what follows.
    void heading(const QString &text, Style style = Style::Heading1, double keepWith = 60);
    void paragraph(const QString &text,
                   Style style = Style::Body,
                   const QColor &color = QColor(0x21, 0x21, 0x21));

    // Height of `text` wrapped to `width` (at word boundaries, else anywhere), at most
    // `maxLines` lines (0 = no limit); the last line kept is elided when more would follow.
    double textHeight(const QString &text, const QFont &font, double width, int maxLines = 0) const;
    // Draws it at (x, y) (a no-op in a dry run); returns the height used.
    double drawText(double x,
                    double y,
                    const QString &text,
                    const QFont &font,
                    double width,
                    const QColor &color,
                    int maxLines = 0,
                    Qt::Alignment align = Qt::AlignLeft);

    // A table: columns with relative widths; the header row is repeated at the top of every
    // page the table continues on. A cell may have its own text colour and a fill.
    struct Column
    {
        QString title;
        double weight = 1;
        Qt::Alignment align = Qt::AlignLeft;
    };
    struct Cell
    {
        Cell(QString text,
             QColor color = QColor(0x21, 0x21, 0x21),
             QColor fill = {},
             bool bold = false)
            : text(std::move(text))
            , color(color)
            , fill(fill)
            , bold(bold)
        {}
        QString text;
        QColor color;
        QColor fill; // invalid = none
        bool bold;
    };
    class Table
    {
    public:
        Table(Document &doc, std::vector<Column> columns, int maxLinesPerCell = 4);
        void row(const std::vector<Cell> &cells);

    private:
        void header();
        Document &m_doc;
        std::vector<Column> m_columns;
        std::vector<double> m_x, m_w;
        int m_maxLines;
        int m_rows = 0;
    };

    // Reserves `height` points (on a new page if needed) and runs `draw(painter, x, y)`
    // when painting. For charts.
    void drawing(double height, const std::function<void(QPainter &, double x, double y)> &draw);

private:
    struct Laid;
    Laid lay(const QString &text,
             const QFont &font,
             double width,
             int maxLines,
             Qt::Alignment align) const;
    void beginPage();
    void chrome();

    QPagedPaintDevice &m_device;
    QPainter *m_painter;
    Chrome m_chrome;
    int m_totalPages;
    double m_scale = 1; // device pixels per point
    int m_page = 1;
    double m_pageWidth = 0, m_pageHeight = 0;
    double m_left = 0, m_right = 0, m_top = 0, m_bottom = 0;
    double m_y = 0;
};

} // namespace patchwise::report
