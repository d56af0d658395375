export * from './dist/workbook/xlsx';
