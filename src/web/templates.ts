// What the page hands out without a workbook open, as `kp12328 template` writes it: the centres'
// template, one file per unit (a zip), and a new provincial workbook (empty: the pane's set-up fills it).

import type ExcelJS from "exceljs";
import { DEFAULT_UNITS } from "../engine";
import { describeTemplate, describeUnitFile, unitFileName } from "../workbook";
import { writeSheet } from "../adapters/xlsx/writer";
import { XLSX_MIME } from "./files";

async function newExcelWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  return new ExcelJS.Workbook();
}

/** A workbook without sheets, which the pane offers to set up for a year. */
export const emptyWorkbook = newExcelWorkbook;

export async function workbookBlob(workbook: ExcelJS.Workbook): Promise<Blob> {
  return new Blob([await workbook.xlsx.writeBuffer()], { type: XLSX_MIME });
}

/** The file name of a new provincial workbook for the year. */
export function newWorkbookName(year: number): string {
  return `12328考评-${year}.xlsx`;
}

/** The centres' template for the year (`kp12328 template --for-centres`). */
export async function centresTemplate(year: number): Promise<{ name: string; data: Blob }> {
  const workbook = await newExcelWorkbook();
  for (const spec of describeTemplate({ year, flavour: "centres" })) writeSheet(workbook, spec);
  return { name: `12328考评-${year}-各中心填报模板.xlsx`, data: await workbookBlob(workbook) };
}

/** One centres' file per unit of the default list, named after the unit, in one zip (`kp12328 template --per-unit`). */
export async function perUnitZip(year: number): Promise<{ name: string; data: Blob }> {
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  const zip = new JSZip();
  for (const unit of DEFAULT_UNITS) {
    const workbook = await newExcelWorkbook();
    for (const spec of describeUnitFile(unit, year)) writeSheet(workbook, spec);
    zip.file(unitFileName(unit, year), await workbook.xlsx.writeBuffer());
  }
  return { name: `12328考评-${year}-各单位填报文件.zip`, data: await zip.generateAsync({ type: "blob", mimeType: "application/zip" }) };
}
