/// A report as data: a title and sections of text, tables, a bar chart and a timeline.
/// Builders fill it from the archive; renderers turn it into text, Markdown, HTML or JSON.
public struct Report: Sendable, Codable, Equatable {
    public var title: String
    public var subtitle: String?
    public var sections: [Section]

    public init(title: String, subtitle: String? = nil, sections: [Section] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    public struct Section: Sendable, Codable, Equatable {
        public var heading: String
        public var lines: [String]
        public var table: Table?
        public var chart: BarChart?
        public var timeline: [TimelineEntry]?

        public init(
            heading: String, lines: [String] = [], table: Table? = nil, chart: BarChart? = nil, timeline: [TimelineEntry]? = nil
        ) {
            self.heading = heading
            self.lines = lines
            self.table = table
            self.chart = chart
            self.timeline = timeline
        }
    }

    public struct Table: Sendable, Codable, Equatable {
        public var columns: [String]
        public var rows: [[String]]
        /// Columns that hold numbers, aligned right (indexes, ascending).
        public var numericColumns: [Int]

        public init(columns: [String], rows: [[String]], numericColumns: [Int] = []) {
            self.columns = columns
            self.rows = rows
            self.numericColumns = numericColumns.sorted()
        }
    }

    public struct BarChart: Sendable, Codable, Equatable {
        public var title: String
        public var bars: [Bar]

        public struct Bar: Sendable, Codable, Equatable {
            public var label: String
            public var value: Double
        }
    }

    public struct TimelineEntry: Sendable, Codable, Equatable {
        public var date: String
        public var label: String
    }
}
