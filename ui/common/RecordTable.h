#pragma once

class QTableView;

namespace frontdesk {

// How the views' read-only lists of records behave: whole rows, one at a time, keyboard first
// (Tab leaves the table), fixed row heights so scrolling thousands of rows stays cheap.
void setUpRecordTable(QTableView *table, int rowPadding = 12);

} // namespace frontdesk
