// Custom functions of ШНОР-монитор. Appended verbatim to build/Code.js by scripts/build.mjs:
// Apps Script sees only top-level function declarations, and Sheets' autocomplete reads only the
// JSDoc directly above them. This file is the one source of truth for the functions' documentation;
// the code is in src/functions/customFunctions.ts (App_ is the bundle's global).
// Every function takes a cell or a range: over ranges it answers row by row, as a column.

/**
 * Индекс социального благополучия школы (ИСБШ) с одним знаком после запятой:
 * 65 + 15·(оба родителя с высшим) + 20·(благоустроенное жильё) − 15·(неполные семьи) − 35·(на учёте) − 15·(русский не родной).
 * Доли можно писать как 0,33, 33 или «33 %»; если указан total — в первых пяти аргументах количества обучающихся.
 * Для диапазонов считает каждую строку; пустые строки пропускает; строка без данных показывает «#ОШИБКА: причина».
 * Пример: =ISBSH(B2:B200; C2:C200; D2:D200; E2:E200; F2:F200; G2:G200)
 *
 * @param {number|string|Array<Array<number|string>>} both_parents_higher Доля (или количество) обучающихся, оба родителя которых имеют высшее образование.
 * @param {number|string|Array<Array<number|string>>} comfortable_housing Доля (или количество) обучающихся из семей, проживающих в благоустроенном жилье.
 * @param {number|string|Array<Array<number|string>>} single_parent Доля (или количество) обучающихся из неполных семей.
 * @param {number|string|Array<Array<number|string>>} registered Доля (или количество) обучающихся, состоящих на различных видах учёта.
 * @param {number|string|Array<Array<number|string>>} non_native_russian Доля (или количество) обучающихся, для которых русский язык не является родным.
 * @param {number|string|Array<Array<number|string>>} total [необязательный] Всего обучающихся; если указан, первые пять аргументов — количества, а не доли.
 * @return ИСБШ от 0 до 100 с одним десятичным знаком (для диапазона — столбец значений).
 * @customfunction
 */
function ISBSH(both_parents_higher, comfortable_housing, single_parent, registered, non_native_russian, total) {
  return App_.ISBSH(both_parents_higher, comfortable_housing, single_parent, registered, non_native_russian, total);
}

/**
 * Уровень ИСБШ: «низкий», «ниже среднего», «средний», «выше среднего» или «высокий».
 * Граница относится к верхнему уровню; по умолчанию границы 79,5; 81,6; 83,9; 86,4.
 * Пример: =ISBSH_LEVEL(H2:H200) или со своими границами =ISBSH_LEVEL(H2:H200; $K$1:$K$4)
 *
 * @param {number|string|Array<Array<number|string>>} isbsh Значение ИСБШ или столбец значений.
 * @param {Array<Array<number>>} boundaries [необязательный] Свои границы уровней: 4 числа (границы между уровнями) или 5 (нижняя граница каждого уровня, первая не используется), в строку или в столбец.
 * @return Уровень ИСБШ (для диапазона — столбец); «нет ИСБШ», если индекса нет.
 * @customfunction
 */
function ISBSH_LEVEL(isbsh, boundaries) {
  return App_.ISBSH_LEVEL(isbsh, boundaries);
}

/**
 * Зона риска по ИСБШ (кандидаты в ШНСУ): «да», если школа входит в 25 % школ с наименьшим ИСБШ
 * своего муниципалитета — не более 25 %: равные значения, не помещающиеся в долю целиком, не входят
 * («на границе зоны риска»). Считает весь столбец сразу.
 * В группе меньше 4 школ с ИСБШ зона не определяется, и функция так и пишет.
 * Пример: =ISBSH_ZONE(H2:H200; C2:C200) или по всему листу с долей 20 %: =ISBSH_ZONE(H2:H200; ; 20%)
 *
 * @param {Array<Array<number|string>>} isbsh_values Столбец значений ИСБШ всех школ.
 * @param {Array<Array<string>>} groups [необязательный] Столбец муниципалитетов той же высоты; если не указан — все школы одна группа.
 * @param {number|string} share [необязательный] Доля школ в зоне риска, по умолчанию 25 %.
 * @return Столбец «да» / «нет» (или «нет ИСБШ») для каждой школы.
 * @customfunction
 */
function ISBSH_ZONE(isbsh_values, groups, share) {
  return App_.ISBSH_ZONE(isbsh_values, groups, share);
}

/**
 * Статус ШНОР: «ШНОР», если в отчётном году не менее двух процедур с долей не преодолевших порог ≥ 30 %,
 * или одна процедура ≥ 30 % и в отчётном, и в прошлом году; «нет данных», если за отчётный год долей нет;
 * иначе «не ШНОР». Строка — школа, столбец — процедура, в обоих диапазонах в одном порядке.
 * Доли: 0,33, 33, «33 %»; «-», «—» и пустая ячейка — нет участников.
 * Пример: =SHNOR_STATUS(H2:K200; L2:O200) или с порогом 25 %: =SHNOR_STATUS(H2:K200; L2:O200; 25%)
 *
 * @param {Array<Array<number|string>>} current_shares Доли не преодолевших порог в отчётном году: строки — школы, столбцы — процедуры.
 * @param {Array<Array<number|string>>} previous_shares Доли за прошлый год, те же процедуры в том же порядке.
 * @param {number|string} threshold [необязательный] Порог доли не преодолевших, по умолчанию 30 %.
 * @return «ШНОР», «не ШНОР» или «нет данных» для каждой школы.
 * @customfunction
 */
function SHNOR_STATUS(current_shares, previous_shares, threshold) {
  return App_.SHNOR_STATUS(current_shares, previous_shares, threshold);
}

/**
 * Основание статуса ШНОР словами: какие процедуры, с какими долями и в каком году, например
 * «ОГЭ математика: 67 % (прошлый год) и 33 % (отчётный год)». Для школы не ШНОР — пустая строка.
 * Пример: =SHNOR_REASON(H2:K200; L2:O200; H1:K1)
 *
 * @param {Array<Array<number|string>>} current_shares Доли не преодолевших порог в отчётном году: строки — школы, столбцы — процедуры.
 * @param {Array<Array<number|string>>} previous_shares Доли за прошлый год, те же процедуры в том же порядке.
 * @param {Array<Array<string>>} procedure_names Названия процедур, по одному на столбец (строка или столбец ячеек), например H1:K1.
 * @param {number|string} threshold [необязательный] Порог доли не преодолевших, по умолчанию 30 %.
 * @return Основание для каждой школы или пустая строка.
 * @customfunction
 */
function SHNOR_REASON(current_shares, previous_shares, procedure_names, threshold) {
  return App_.SHNOR_REASON(current_shares, previous_shares, procedure_names, threshold);
}

/**
 * Кластер неосвоения ШНОР по наибольшей доле не преодолевших порог в отчётном году:
 * «базово неуспевающие» (30–40 %), «умеренно неуспевающие» (40–50 %), «сильно неуспевающие» (больше 50 %);
 * для остальных школ — «не ШНОР» или «нет данных».
 * Пример: =FIOKO_CLUSTER(H2:K200; L2:O200)
 *
 * @param {Array<Array<number|string>>} current_shares Доли не преодолевших порог в отчётном году: строки — школы, столбцы — процедуры.
 * @param {Array<Array<number|string>>} previous_shares Доли за прошлый год, те же процедуры в том же порядке.
 * @param {number|string} threshold [необязательный] Порог доли не преодолевших, по умолчанию 30 %.
 * @return Кластер или статус для каждой школы.
 * @customfunction
 */
function FIOKO_CLUSTER(current_shares, previous_shares, threshold) {
  return App_.FIOKO_CLUSTER(current_shares, previous_shares, threshold);
}

/**
 * Динамика результата по процедуре: «положительная» (доля не преодолевших снизилась), «отрицательная» (выросла),
 * «нейтральная» (не изменилась и не ноль), «0 % за два года», «нет участников» (нет доли в одном из лет).
 * Пример: =RESULT_DYNAMICS(L2:L200; H2:H200)
 *
 * @param {number|string|Array<Array<number|string>>} previous_share Доля не преодолевших порог в прошлом году.
 * @param {number|string|Array<Array<number|string>>} current_share Доля не преодолевших порог в отчётном году.
 * @return Динамика для каждой строки.
 * @customfunction
 */
function RESULT_DYNAMICS(previous_share, current_share) {
  return App_.RESULT_DYNAMICS(previous_share, current_share);
}

/**
 * Динамика по кластеру между прошлым и отчётным годом по значениям FIOKO_CLUSTER:
 * «повысила кластер», «вышла из списка», «без изменений», «понизила кластер», «вошла в список»,
 * «—» (не ШНОР ни в одном году). Пустая ячейка считается «нет данных».
 * Пример: =CLUSTER_DYNAMICS(P2:P200; Q2:Q200)
 *
 * @param {string|Array<Array<string>>} previous_cluster Кластер или статус в прошлом году (как возвращает FIOKO_CLUSTER).
 * @param {string|Array<Array<string>>} current_cluster Кластер или статус в отчётном году.
 * @return Динамика для каждой школы.
 * @customfunction
 */
function CLUSTER_DYNAMICS(previous_cluster, current_cluster) {
  return App_.CLUSTER_DYNAMICS(previous_cluster, current_cluster);
}
