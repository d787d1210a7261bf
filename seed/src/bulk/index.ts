// The bulk path and the synthetic province it was built for (docs/DATA-FORMAT.md, "Bulk import").
export { bulkImport, BulkImportRefused, BulkImportFailed, type BulkImportOptions, type BulkReport } from './bulkImport.ts';
export { writeBulkCsv, BulkCsvError, type BulkCsv, type CsvSource } from './writeBulkCsv.ts';
export { recoverBulkSwap } from './swapDatabase.ts';
export { defaultDistricts, generateProvince, provinceChunks, provinceDataSet, provinceSizes, PROVINCE_ID, type ProvinceOptions, type ProvinceChunk } from '../synthetic/generateProvince.ts';
