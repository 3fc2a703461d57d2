/// A report as data: a title and sections of text, tables, bar charts and a timeline.
/// Builders fill it from the archive; renderers turn it into text, Markdown, HTML or JSON.
public struct Report: Sendable, Codable, Equatable {
    public var title: String
    public var subtitle: String?
    /// The language its values and categories are written in; renderers group digits alike.
    public var language: FactWording.Language
    public var sections: [Section]

    public init(title: String, subtitle: String? = nil, language: FactWording.Language = .en, sections: [Section] = []) {
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.sections = sections
    }

    public struct Section: Sendable, Codable, Equatable {
        public var heading: String
        public var lines: [String]
        public var table: Table?
        /// One chart per kind of quantity (people, devices, money…), each on its own scale, so 28,000
        /// tips never squash 25 arrests to a pixel.
        public var charts: [BarChart]
        public var timeline: [TimelineEntry]?

        public init(
            heading: String, lines: [String] = [], table: Table? = nil, charts: [BarChart] = [], timeline: [TimelineEntry]? = nil
        ) {
            self.heading = heading
            self.lines = lines
            self.table = table
            self.charts = charts
            self.timeline = timeline
        }
    }

    public struct Table: Sendable, Codable, Equatable {
        public var columns: [String]
        public var rows: [[String]]
        /// Columns that hold numbers, aligned right (indexes, ascending).
        public var numericColumns: [Int]
        /// Columns whose values read as one (spans, dates): never broken across lines.
        public var unbrokenColumns: [Int]
        /// When set, consecutive rows with the same value in this column form a group, shown under
        /// that value as a heading instead of repeating it on every row (the source of each fact).
        public var groupColumn: Int?

        public init(
            columns: [String], rows: [[String]], numericColumns: [Int] = [], unbrokenColumns: [Int] = [], groupColumn: Int? = nil
        ) {
            self.columns = columns
            self.rows = rows
            self.numericColumns = numericColumns.sorted()
            self.unbrokenColumns = unbrokenColumns.sorted()
            self.groupColumn = groupColumn
        }

        /// The columns each row shows: all but the group column.
        public var shownColumns: [Int] { columns.indices.filter { $0 != groupColumn } }

        /// The rows in their groups, in order, each row holding only `shownColumns`; one group
        /// without a heading when the table is not grouped.
        public var groups: [(heading: String?, rows: [[String]])] {
            let shown = shownColumns
            let project = { (row: [String]) in shown.map { $0 < row.count ? row[$0] : "" } }
            guard let groupColumn else { return [(nil, rows.map(project))] }
            var groups: [(heading: String?, rows: [[String]])] = []
            for row in rows {
                let heading = groupColumn < row.count ? row[groupColumn] : ""
                if groups.last?.heading == heading {
                    groups[groups.count - 1].rows.append(project(row))
                } else {
                    groups.append((heading, [project(row)]))
                }
            }
            return groups
        }
    }

    public struct BarChart: Sendable, Codable, Equatable {
        public var title: String
        /// What the bars count, for the axis ("people", "EUR").
        public var unit: String?
        public var bars: [Bar]

        public init(title: String, unit: String? = nil, bars: [Bar]) {
            self.title = title
            self.unit = unit
            self.bars = bars
        }

        public struct Bar: Sendable, Codable, Equatable {
            public var label: String
            public var value: Double
            /// The value as a reader writes it ("US$ 31 million"); the renderer's own number otherwise.
            public var text: String?

            public init(label: String, value: Double, text: String? = nil) {
                self.label = label
                self.value = value
                self.text = text
            }
        }
    }

    public struct TimelineEntry: Sendable, Codable, Equatable {
        public var date: String
        public var label: String
    }
}
