// Node-only entry: the .xlsx edge (exceljs). Kept out of the main entry so the SPA never bundles it.
module.exports = require('./dist/workbook/xlsx.js');
