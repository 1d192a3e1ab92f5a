"""Write data/factsheet.xlsx: the reference document (data/reference/000_7b0533415791930b.txt, a copy of ../shared/seed/)
as a reportgen workbook, following docs/workbook.md.

In: the text and figures below, kept as plain Python data. Out: data/factsheet.xlsx, the
same bytes on every run (fixed workbook properties and zip timestamps).

Every figure of the source that is a data point lives in one cell (a data sheet or the
`values` sheet) and sentences cite it with {name} or {name:億万}; yen figures are
formulas over the rate cell named CNY_JPY. What was corrected against the source, and
why, is listed in docs/corrections.md.

Run: python data/make_sample.py [OUTPUT]
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

OUT = Path(__file__).resolve().parent / "factsheet.xlsx"
RELEASE_DATE = dt.date(2020, 5, 15)  # see docs/corrections.md, "Dates"
STAMP = dt.datetime.combine(RELEASE_DATE, dt.time(9, 0))  # = Document.created

# Number formats: how a figure prints everywhere (docs/workbook.md, "values").
YUAN = '#,##0.00"億元"'
YEN = '#,##0.00"億円"'
MAN_PEOPLE = '#,##0"万人"'
PCT = "0%"
COUNT = "#,##0"

# ---------------------------------------------------------------------------- meta
# (key, value, number format or None, note)
META: list[tuple[str, object, str | None, str]] = [
    ("title", "アリババグループ、新型コロナウイルス対策支援に約{total_jpy_round}を拠出", None,
     "「約500億円」は拠出総額の円換算 total_jpy を百億円単位に丸めた値（values の total_jpy_round）"),
    ("subtitle", "中小企業の事業回復や医療現場を支援", None, ""),
    ("organisation", "アリババグループ", None, ""),
    ("doc_type", "ニュースリリース", None, ""),
    ("date", dt.datetime.combine(RELEASE_DATE, dt.time()), "yyyy-mm-dd", "発表は2020年5月。データは2020年5月10日時点（一部3月31日時点）"),
    ("author", "アリババ株式会社", None, "日本での発表元（お問い合わせ先）"),
    ("subject", "新型コロナウイルス感染拡大下における中小企業・医療機関への支援", None, ""),
    ("keywords", "アリババグループ, アントグループ, 新型コロナウイルス, COVID-19, 中小企業支援, 医療支援", None, ""),
    ("short_title", "新型コロナウイルス対策支援", None, ""),
    ("source_note", "出典：アリババグループ（2020年3月31日時点および5月10日時点のデータ）", None, ""),
    ("output_name", "factsheet", None, ""),
    ("lang", "ja-JP", None, ""),
    ("rate.CNY_JPY", 15, '0"円"', "1元=15円（5月時点）。名前 CNY_JPY で数式から参照"),
    ("rate.USD_JPY", 107, '0"円"', "本文「280億ドル（約3兆円）」に合う参考レート（出典に記載なし）。名前 USD_JPY"),
    ("theme.primary", "#C2410C", None, "アリババのオレンジを濃くした色（白文字とのコントラスト 5.2:1）"),
    ("theme.accent", "#1F3A5F", None, "見出しの強調・グラフの強調色（紺）"),
    ("theme.palette", "#C2410C, #1F3A5F, #F08C4A, #5B7A99, #F4B183, #A9B8C8", None, "グラフの系列色"),
]
RATE_NAMES = {"rate.CNY_JPY": "CNY_JPY", "rate.USD_JPY": "USD_JPY"}

# ----------------------------------------------------------------------- mail
# `reportgen mail`: the message that goes with the outputs (example addresses only).
MAIL: list[tuple[str, str, str]] = [
    ("from", "アリババ株式会社 広報部 <press@example.com>", "差出人。送信サーバーとパスワードはブックに書かない（README）"),
    ("reply_to", "press@example.com", ""),
    ("to", "報道 太郎 <taro@example.jp>, 記者クラブ <club@example.jp>", "1行が1通の宛先リスト"),
    ("to", "partners@example.org", "別の宛先リストへ、もう1通"),
    ("bcc", "archive@example.com", "すべての通に付く"),
    ("subject", "【{doc_type}】{title}", "{name} で values や meta の値を引用"),
    ("body", "報道関係者各位\n\nいつもお世話になっております。\n{organisation}は{date}、新型コロナウイルス"
             "対策支援として総額{total_cny}（約{total_jpy_round}）を拠出したことをお知らせします。\n"
             "詳細は添付のファクトシートと付録（Excel）をご覧ください。\n\nアリババ株式会社 広報部\n"
             "press@example.com", "本文。数値は PDF と同じセルから"),
    ("attach", "pdf,xlsx", "添付する出力（xlsx, pdf, docx）"),
]

# ----------------------------------------------------------------------- data sheets
# name → (header, column formats, rows). A string starting with "=" is a formula;
# "{r}" in it is replaced by the row number.
TO_YEN = "=B{r}*CNY_JPY"
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...], list[tuple[object, ...]]]] = {
    "contributions": (
        ("拠出主体", "拠出額（億元）", "円換算（億円）"),
        ("General", YUAN, YEN),
        [
            ("アリババグループ", 27.63, TO_YEN),
            ("アントグループ", 5.93, TO_YEN),
        ],
    ),
    "programmes": (
        ("施策", "拠出額（億元）", "円換算（億円）", "内容"),
        ("General", YUAN, YEN, "General"),
        [
            ("天猫 出店料免除", 6.1, TO_YEN, "天猫出店企業の2020年上半期プラットフォームサービス料を免除"),
            ("DingTalk オンライン教育", 5, TO_YEN, "オンライン教育の支援（本文は「以上」：下限値）"),
            ("支援物資の寄付", 4.8, TO_YEN, "武漢をはじめ中国各地への支援物資（2020年5月10日時点）"),
            ("マイバンク 金融支援", 4.39, TO_YEN, "売掛金即時入金サービスと無利子ビジネスローン"),
            ("物流支援ファンド", 3.6, TO_YEN, "タオバオ・天猫・菜鳥の専用ファンドからサプライチェーン・物流企業へ"),
            ("フーマー 医療現場支援", 1.27, TO_YEN, "武漢の指定病院・医療従事者への日用品と食事"),
            ("アリヘルス オンライン診療", 0.17, TO_YEN, "湖北省から全国に展開したオンライン救急診療"),
        ],
    ),
    "reach": (
        ("指標", "人数（万人）"),
        ("General", COUNT),
        [
            ("オンライン学習の学生（DingTalk）", 13000),
            ("オンライン診療へのアクセス（アリヘルス）", 3000),
            ("グルメ番組の視聴者（ヨウク・ウーラマ）", 2000),
            ("海外華僑の健康相談（アリヘルス）", 1500),
            ("医薬品を届けた慢性疾患患者（アリヘルス）", 1300),
            ("スポーツ配信の参加者（ヨウク）", 300),
        ],
    ),
    "growth": (
        ("指標", "伸び率"),
        ("General", PCT),
        [
            ("新規ライブ配信アカウント数（前月比）", 7.19),
            ("タオバオ 新規参入の輸出企業数（前年比）", 1.6),
            ("ヨウク 過去作品の再視聴（平常時比）", 1.6),
            ("ライブ配信のアクティブ店舗数（前年比）", 0.88),
            ("LazLive売上高（前期比）", 0.45),
            ("ラザダ 生鮮食品の注文数（1-3月）", 0.3),
            ("ライブコマース受注総数（週平均）", 0.2),
        ],
    ),
}

# ---------------------------------------------------------------------------- values
# (name, value or formula, number format, where the source uses it). A formula that
# cites a data sheet keeps the figure in one place; the value's own format decides how
# it prints in sentences (6.1 prints as 6.1億元 here, 6.10億元 in the table).
VALUES: list[tuple[str, object, str, str]] = [
    # contributions (リード、ハイライト1、KPI)
    ("total_cny", "=SUM(contributions!B2:B3)", YUAN, "拠出総額 33.56億元（リード、ハイライト1）"),
    ("total_jpy", "=B{total_cny}*CNY_JPY", YEN, "拠出総額の円換算 503.40億円"),
    ("total_jpy_round", "=ROUND(B{total_jpy},-2)", '0"億円"', "見出しの丸め値 約500億円"),
    ("alibaba_cny", "=contributions!B2", YUAN, "アリババグループ 27.63億元"),
    ("alibaba_jpy", "=contributions!C2", YEN, "414.45億円"),
    ("ant_cny", "=contributions!B3", YUAN, "アントグループ 5.93億元"),
    ("ant_jpy", "=contributions!C3", YEN, "88.95億円"),
    ("relief_fields", 6, '0"分野"', "マーチャントへの公開書簡：6分野"),
    ("relief_items", 20, '0"項目"', "同：20項目"),
    # programmes (ハイライト2・3・7・9、各事業)
    ("tmall_fee_waiver", "=programmes!B2", '0.0"億元"', "天猫 サービス料免除 6.1億元（出典は本文で6.1億円と誤記）"),
    ("dingtalk_cny", "=programmes!B3", '0"億元"', "DingTalk 5億元以上"),
    ("donations_cny", "=programmes!B4", '0.0"億元"', "支援物資の寄付 総額4.8億元"),
    ("mybank_cny", "=programmes!B5", '0.00"億元"', "マイバンク 4.39億元（出典は本文で4.39億円と誤記）"),
    ("supply_chain_fund_paid", "=programmes!B6", '0.0"億元"', "物流支援ファンドからの拠出 3.6億元（本文で3.6億円と誤記）"),
    ("hema_cny", "=programmes!B7", '0.00"億元"', "フーマー 1.27億元"),
    ("alihealth_cny", "=programmes!B8", YUAN, "アリヘルス 0.17億元＝1,700万元（億万表記）"),
    ("supply_chain_fund_size", 10, '0"億元"', "専用ファンドの規模 10億元"),
    # reach (万人)
    ("students", "=reach!B2", MAN_PEOPLE, "DingTalk 1億3,000万人の学生（億万表記）"),
    ("online_consult_users", "=reach!B3", MAN_PEOPLE, "オンライン診療 3,000万人以上"),
    ("viewers", "=reach!B4", MAN_PEOPLE, "グルメ番組 2,000万人の視聴者"),
    ("overseas_consult_users", "=reach!B5", MAN_PEOPLE, "海外華僑 約1,500万人（出典は「1500万人」）"),
    ("chronic_patients", "=reach!B6", MAN_PEOPLE, "慢性疾患患者 1,300万人"),
    ("sports_participants", "=reach!B7", MAN_PEOPLE, "スポーツ配信 300万人以上"),
    # growth (%)
    ("live_new_accounts_growth", "=growth!B2", PCT, "タオバオライブ 新規配信アカウント数 前月比719%増"),
    ("new_export_merchants_growth", "=growth!B3", PCT, "タオバオ 新規参入の輸出企業数 前年比160%増"),
    ("youku_rewatch_growth", "=growth!B4", PCT, "ヨウク 再視聴回数 160%増"),
    ("live_daily_stores_growth", "=growth!B5", PCT, "タオバオライブ デイリーアクティブ店舗数 88%増"),
    ("lazlive_sales_growth", "=growth!B6", PCT, "LazLive 売上高 前期比45%増"),
    ("lazada_fresh_orders_growth", "=growth!B7", PCT, "ラザダ 生鮮食品の注文数 30%増"),
    ("live_weekly_orders_growth", "=growth!B8", PCT, "タオバオライブ 受注総数 週平均20%増"),
    # 医療物資・医療サービス
    ("medical_countries", 150, COUNT, "医療物資の寄付先 150以上の国と地域"),
    ("medical_items", 20000, '#,##0"万件"', "医療物資 2億件以上（億万表記）"),
    ("donated_items", 7300, '#,##0"万件"', "支援物資 7,300万件以上"),
    ("charter_flights", 300, '#,##0"機"', "ツァイニャオ チャーター機 300機以上"),
    ("gmcc_countries", 120, COUNT, "GMCC 120の国と地域"),
    ("gmcc_doctors", 1, MAN_PEOPLE, "GMCC 約1万人の医師"),
    ("handbook_languages", 20, COUNT, "ハンドブック 20以上の言語"),
    ("ct_accuracy", 0.96, PCT, "CT画像分析 正確率96%"),
    ("ct_seconds", 20, '0"秒"', "診断時間 20秒以内"),
    ("ct_hospitals", 550, COUNT, "550の病院"),
    ("ct_api_calls", 500000, '#,##0"回"', "API使用 500,000回"),
    ("ct_hospitals_overseas", 40, COUNT, "海外 40を超える病院"),
    # 生活必需品
    ("meals_medical", 46, '#,##0"万食"', "医療従事者への差し入れ 46万食以上"),
    ("hema_stores", 200, '#,##0"店"', "フーマー 200店以上"),
    ("hema_hospitals", 117, COUNT, "武漢の117の指定病院"),
    ("hema_meals", 6, '#,##0"万食"', "武漢 6万食以上"),
    ("local_merchants", 500, COUNT, "500以上のマーチャント"),
    ("local_meals", 40, '#,##0"万食"', "40万食近くの差し入れ"),
    ("local_cities", 37, '#,##0"都市"', "全国37都市"),
    ("local_hospitals", 182, COUNT, "182の病院"),
    ("hema_farm_regions", 10, COUNT, "10以上の農産地"),
    ("farm_produce", 25, '#,##0"万トン"', "ライブコマースで25万トンの農産物"),
    ("hubei_produce", 1.2, '#,##0.0"万トン"', "湖北省産 1.2万トン以上"),
    ("eleme_fresh_partners", 6, '#,##0"万"', "ウーラマ 6万の生鮮食品事業者"),
    ("eleme_cities", 38, '#,##0"都市"', "中国38都市"),
    ("eleme_stations", 100, '#,##0"店舗"', "武漢 最初の100店舗"),
    ("lazada_countries", 6, '0"カ国"', "ラザダ 6カ国"),
    ("lazada_onboard_hours", 48, '0"時間"', "48時間以内で加入を支援"),
    ("cameron_veg_tonnes", 1.5, '0.0"トン"', "1.5トンの野菜を完売"),
    ("rumah_farmers", 2500, '#,##0"人"', "Rumah Sayur Group 2,500人の農家"),
    # 社会的接触とコミュニケーション
    ("schools", 14, '#,##0"万校"', "DingTalk 14万校"),
    ("youku_free_titles", 600, '#,##0"作品"', "ヨウク 600作品以上を無料公開"),
    ("youku_dau_low", 5000, '#,##0"万"', "ヨウク DAU 5,000万～"),
    ("youku_dau_high", 10000, MAN_PEOPLE, "～1億人（億万表記）"),
    ("youku_eleme_merchants", 7000, COUNT, "7,000以上のマーチャント"),
    ("edu_institutions", 300, COUNT, "300以上の教育機関"),
    ("edu_teachers", 10, MAN_PEOPLE, "約10万人の教師"),
    ("fliggy_streams", 25000, '#,##0"回"', "フリギー 約2万5,000回の旅行ライブ配信（億万表記）"),
    ("fliggy_views", 7000, '#,##0"万回"', "視聴回数 7,000万回（出典は「7000万回」）"),
    # 事業再開と職場復帰
    ("sfw_products", 1000, COUNT, "上海ファッションウィーク 1,000以上の新製品"),
    ("sfw_views", 250, '#,##0"万回"', "250万回視聴"),
    ("aliexpress_sales", 1, '0"億米ドル"', "アリエクスプレス 総売上高1億米ドル"),
    ("cloud_fund_usd", 3000, '#,##0"万ドル"', "アリババクラウド 3,000万ドルの支援計画"),
    ("cloud_companies", 600, COUNT, "600以上の企業"),
    ("lazada_digital_smes", 15, '#,##0"万"', "ラザダ 15万企業のデジタル変革"),
    ("hema_shared_staff", 5000, '#,##0"人"', "フーマー 従業員シェア 5,000人以上"),
    # おわりに
    ("factory_shops", 28, '#,##0"万店"', "海外貿易工場の直営ネットショップ 28万店"),
    ("live_merchants_multiple", 3, '0"倍"', "ライブ配信マーチャント数 前年比3倍"),
    ("live_users_multiple", 2, '0"倍"', "ユーザー数 前年比2倍"),
    ("cloud_invest_usd", 280, '#,##0"億ドル"', "クラウドインフラ投資 280億ドル"),
    ("cloud_invest_jpy", "=B{cloud_invest_usd}*USD_JPY/10000", '0"兆円"', "約3兆円（USD_JPYで換算）"),
]

# ---------------------------------------------------------------------------- charts
CHART_HEADER = ("id", "type", "table", "category", "series", "title", "unit", "caption", "sort",
                "highlight", "width")
CHARTS: list[tuple[str, ...]] = [
    ("by_entity", "donut", "contributions", "拠出主体", "拠出額（億元）", "拠出主体別の拠出額", "億元",
     "2020年3月31日時点。出典：アリババグループ", "none", "", "half"),
    ("by_programme", "barh", "programmes", "施策", "拠出額（億元）", "主な施策別の拠出額", "億元",
     "2020年3月31日時点（支援物資の寄付は5月10日時点）。DingTalkは「以上」の下限値。出典：アリババグループ",
     "desc", "天猫 出店料免除", "full"),
    ("reach", "barh", "reach", "指標", "人数（万人）", "主な取り組みの利用者・参加者数", "万人",
     "「以上」「約」を含む概数。時点は本文のとおり。出典：アリババグループ", "desc",
     "オンライン学習の学生（DingTalk）", "full"),
    ("growth", "barh", "growth", "指標", "伸び率", "ライブコマースとオンラインサービスの伸び率", "%",
     "比較の期間・基準は項目名のとおり。出典：アリババグループ", "desc",
     "新規ライブ配信アカウント数（前月比）", "full"),
]


# --------------------------------------------------------------------------- content
# One function per block type keeps the body below readable: (type, text, ref, caption, options).
Row = tuple[str, str, str, str, str]


def block(kind: str, text: str = "", ref: str = "", caption: str = "", options: str = "") -> Row:
    return (kind, text, ref, caption, options)


def part(text: str, caption: str) -> Row: return block("part", text, caption=caption)
def chapter(text: str, caption: str = "") -> Row: return block("chapter", text, caption=caption)
def section(text: str) -> Row: return block("section", text)
def unit(text: str) -> Row: return block("unit", text)
def headline(text: str) -> Row: return block("headline", text)
def lead(text: str) -> Row: return block("lead", text)
def para(text: str) -> Row: return block("paragraph", text)
def quote(text: str) -> Row: return block("quote", text)
def highlight(text: str) -> Row: return block("highlight", text)
def bullet(text: str) -> Row: return block("bullet", text)
def kpi(label: str, name: str) -> Row: return block("kpi", label, name)
def chart(chart_id: str) -> Row: return block("chart", ref=chart_id)
def table(name: str, caption: str) -> Row: return block("table", ref=name, caption=caption)
def note(text: str, marker: str = "*") -> Row: return block("note", text, marker)
def contact(text: str, title: str = "") -> Row: return block("contact", text, caption=title)


PRESS_RELEASE: list[Row] = [
    lead("アリババグループ及びアント フィナンシャル サービスグループ（以下、アントグループ）は"
         "[2020会計年度決算](#)にて、2020年3月31日時点で、世界中の中小企業や医療機関による新型コロナウイルス"
         "感染症（COVID-19）対策への支援に合計{total_cny:億万}（{total_jpy}）を拠出したと発表しました。"
         "内訳は、アリババグループが{alibaba_cny:億万}（{alibaba_jpy}）、アリババの金融関連会社である"
         "アントグループが{ant_cny:億万}（{ant_jpy}）です。"),
    kpi("拠出総額", "total_cny"),
    kpi("アリババグループ", "alibaba_cny"),
    kpi("アントグループ", "ant_cny"),
    kpi("拠出総額の円換算（参考値）", "total_jpy"),
    para("アリババグループは『あらゆるビジネスの可能性を広げる力になる（To make it easy to do business "
         "anywhere）』をミッションとし、ECや革新的な技術基盤、電子決済や地域生活サービスなどの多様なサービス"
         "から形成されたエコシステムを強みとし、あらゆる顧客やビジネスパートナーへビジネスのデジタルインフラを"
         "提供しています。"),
    para("今年1月以降の新型コロナウイルス感染症の拡大をうけ、アリババグループは2月に「[武漢への支援](#)」や、"
         "{relief_fields}{relief_items}の中小企業支援策「[マーチャントへの公開書簡](#)」を発表しました。"
         "そして中国で事業再開が進み出した3月に、中国国内の中小企業の事業回復を支援する特別プロジェクト"
         "「[春雷計画2020](#)」を発表しました。"),
    para("このようにアリババグループは、そのビジネス・エコシステムの力を結集し、中小企業への事業再開サポートや、"
         "テクノロジーを活用した事業支援・医療支援を始め、医療物資の調達・寄付や、生活必需品の調達・提供などを"
         "実施してきました。"),
    chapter("ハイライト", "数字からみる、アリババの新型コロナウイルス感染拡大に対する主な取り組み："),
    highlight("**アリババ・デジタル・エコノミー及び各公益基金会**は世界の新型コロナウイルス対策支援に累計"
              "{total_cny}を拠出した。そのうち、**アリババグループ**が計{alibaba_cny}、**アントグループ**が"
              "{ant_cny}を拠出した[^*]。"),
    highlight("アリババグループは**天猫（Tモール）**のマーチャント（出店企業）の2020年上半期のプラットフォーム"
              "サービス料を免除し、そのため、計{tmall_fee_waiver}を拠出した。また、**タオバオ、天猫、"
              "ツァイニャオ（菜鳥）**が連携し、サプライチェーンと物流を援助する{supply_chain_fund_size}の専用"
              "ファンドを設立し、計{supply_chain_fund_paid}を拠出した[^*]。"),
    highlight("**マイバンク（網商銀行）**がマーチャントに無料の売掛金即時前入金サービスと無利子ビジネスローンを"
              "提供し、計{mybank_cny}を拠出した[^*]。"),
    highlight("**アリヘルス（阿里健康）**は、[GMCCプラットフォーム](#)を通じて世界{gmcc_countries}の国と地域の"
              "約{gmcc_doctors}の感染症専門医師を繋ぎ、COVID-19感染症に関する臨床経験の共有を支援した。"),
    highlight("**フーマー（盒馬鮮生）、ウーラマ（餓了麼/Ele.me）及びコウベイ（口碑）**は、中国の医療従事者に"
              "合計{meals_medical}以上の差し入れを提供した。"),
    highlight("**タオバオ（淘宝）やフーマー等**は、ライブコマースを通じて{farm_produce}の農産物を販売した。"
              "**ラザダ（Lazada）**は今年1-3月の間、生鮮食品及び関連商品の注文数が"
              "{lazada_fresh_orders_growth}増加し、供給の安定化に貢献した。"),
    highlight("**DingTalk（ディントーク、釘釘）**は{dingtalk_cny}以上を拠出し、{students:億万}の学生の"
              "オンライン学習を支援し、中国全土の{schools}の学校に活用していただいた。"),
    highlight("**ヨウク（Youku）とウーラマ**は「観ながら食べる」という新しい手法で、グルメ番組を通じて"
              "{viewers}の視聴者と{youku_eleme_merchants}余りのマーチャントをつないだ。"),
    highlight("**アリババグループ**はこれまで武漢をはじめとする中国各地に総額{donations_cny}に達する計"
              "{donated_items}以上の支援物資を寄付した。同時に世界中複数の国と地域、および国際医療機関に"
              "医療物資を寄付した[^*]。"),
    highlight("**アリババクラウド**は世界各地の企業への{cloud_fund_usd}に相当する支援計画を発表し、"
              "{cloud_companies}以上の企業が支援を受けている。"),
    note("2020年3月31日時点のデータ。その他は2020年5月10日時点のデータ。"
         "1元={CNY_JPY}のレート（5月時点）で換算。日本円は参考値です。"),
    para("アリババグループによる中小企業への新型コロナウイルス対策支援のファクトシートは、以降の添付資料を"
         "ご参照ください。"),
    para("※添付資料"),
    bullet("中国語原文：[從危機到曙光 阿里巴巴集團新冠肺炎抗疫行動概覽](#)"),
    bullet("英語原文：[Alibaba Contributes RMB3.4 Billion to Support the Global Fight Against COVID-19](#)"),
    contact("アリババ株式会社 コーポレートPR", title="＜本件に関する報道関係者からのお問い合わせ先＞"),
    contact("松沢 MAIL：xiang.ji@alibaba-inc.com"),
    contact("アリババグループ広報事務局 担当：柴田・楊・黄・葛井"),
    contact("MAIL：alibaba@prap.co.jp"),
    contact("アリババの最新ニュースをお届けするウェブマガジン「AlibabaNews Japanese」"),
    contact("https://jp.alibabanews.com/"),
]

INTRODUCTION: list[Row] = [
    part("新型コロナウイルス感染拡大下における中小企業への支援施策", "アリババグループ"),
    chapter("はじめに", "二度の感染症を経験。ビジネス・エコシステムへと成長した今、中小企業のデジタル変革を支援"),
    para("2020年1月に新型コロナウイルスの感染が拡大して以来、アリババグループはエコシステムのすべての力を結集し、"
         "創業から20年間で蓄積したノウハウを活かし、Eコマースの強い力、革新的なテクノロジー及び消費者と市場への"
         "洞察から得た知見を、クライアント及びエコシステムに参加しているパートナーに提供している。アリババ"
         "エコシステムのデジタルインフラの利用を推進し、新型コロナウイルス感染拡大下で加速するビジネスの"
         "デジタル変革を取り入れられるよう支援している。"),
    para("2003年にアリババグループがSARS（重症急性呼吸器症候群）を経験していたからこそ、迅速にこの状況に"
         "対応できた。今回の取り組みはアリババグループが歩んできた歴史と大きく関連している。当時、設立して僅か"
         "4年のアリババグループは全社員を対象とするリモートワークを導入し、グループ全体で「顧客第一」の信念を"
         "貫き、途切れることのない顧客サービスを維持してきた。その中で誕生したタオバオも、後に中国消費者の生活を"
         "大きく変えたサービスとなり、アリババ独自の企業文化を創出した。"),
    para("アリババグループは「あらゆるビジネスを広げる力になる」（To make it easy to do business anywhere）"
         "というミッションを掲げ、善良な企業を常に目指している。その使命感と初心を胸に、アリババグループは"
         "アリババエコシステムを総動員させ、あらゆる方面から国内外での新型コロナウイルス感染症との闘いに注力"
         "している。"),
    chart("by_programme"),
    table("programmes", "主な施策別の拠出額（2020年3月31日時点、支援物資の寄付は5月10日時点。"
                        "円換算は1元={CNY_JPY}による参考値）"),
    chart("by_entity"),
]

MEDICAL: list[Row] = [
    chapter("危機を、未来を創造する原動力に変えるには"),
    section("感染拡大を防止するために第一に対応すべきことは、医療物資および医療サービスの提供"),
    unit("アリババ公益基金会、ジャック・マー公益基金会"),
    headline("全世界{medical_countries}以上の国と地域に計{medical_items:億万}以上の医療物資を寄付"),
    para("感染拡大からこれまでの数カ月間で、アリババグループは武漢を含む中国各地に、総額{donations_cny}に達する"
         "計{donated_items}以上の支援物資を寄付した。同時に、アリババグループ及びジャック・マー公益基金会は、"
         "世界複数の国、地域、およびWHOをはじめとする国際機関に医療物資を寄付した。"),
    unit("ツァイニャオ（菜鳥ネットワーク）"),
    headline("{charter_flights}以上のチャーター機を使って各地に医療物資や越境物資を積極的に供給"),
    para("世界に寄付するための物流ルートを開くために、ツァイニャオはグローバル物流ネットワークの力を結集し、"
         "最初の武漢への物流の開通から、国際航空輸送がコロナの影響で大きなダメージを受けた現状に対応するまで、"
         "4月末時点で、ツァイニャオは{charter_flights}を超えるチャーター機が各国や地域への医療物資供給の輸送を"
         "行った。この輸送サービスは欧州、アジア、アフリカ、米州およびオセアニアを網羅した。"),
    unit("アリヘルス（阿里健康）"),
    headline("世界{gmcc_countries}の国・地域の約{gmcc_doctors}の医師・専門家によるCOVID-19感染症に関する"
             "臨床経験の共有を支援"),
    para("感染抑止に向けた臨床経験の共有も役に立った。アリババ公益基金会とジャック・マー公益基金会が発案し、"
         "アリババクラウドとアリヘルスの支援の元で「[GMCC](#)（Global MediXchange for Fighting COVID-19、"
         "以下GMCC）」を設立した。これまでに、約{gmcc_countries}の国・地域から約{gmcc_doctors}の医師が、"
         "この世界最大の新型コロナウイルス感染拡大防止に向けたオンラインでの取り組みに参加した。この"
         "プラットフォームは、継続的な臨床経験の共有にも役割を果たし、中国と海外の医療機関の間で多くの"
         "オンライン交流会を開催した。"),
    para("さらに、プラットフォームでは、さまざまなCOVID-19感染症対策に関するハンドブックを"
         "{handbook_languages}以上の言語に翻訳し、公開した。"),
    headline("オンライン診療サービスを展開、中国全土で{online_consult_users}以上がアクセス"),
    para("感染拡大期間は、誰もが医療機関を訪問すると接触による感染リスクが高まる。その不安に対し、インターネット"
         "を介した医療サービスが大きな役割を果たした。アリヘルスは、3月31日時点までに計{alihealth_cny:億万}を"
         "拠出し、湖北省に開設したオンライン救急診療サービスを中国全土に順次展開した。オンライン診療所には中国で"
         "{online_consult_users}以上からアクセスされた。また、湖北省の都市封鎖にあたり、業界パートナーと協力し、"
         "{chronic_patients}の慢性疾患患者に医薬品を確実に供給した。新型ウイルスの猛威が海外にも波及すると、"
         "アリヘルスはすぐに海外在住の華僑向けに無料のオンライン健康相談サービスを提供し、約"
         "{overseas_consult_users}がこのサービスを利用した。"),
    unit("達摩院（DAMOアカデミー）、アリババクラウド"),
    headline("正確率{ct_accuracy}、診断時間{ct_seconds}以内の胸部CT画像分析技術を、世界{ct_hospitals}の病院に提供"),
    para("新型コロナウイルス感染症疑い症例の診断が医療従事者にとって大きな負荷になっている。DAMOアカデミーは"
         "世界的な医療と感染予防を支援する多数のクラウドサービスとテクノロジーを発表した。アリババクラウドの"
         "CT画像分析アルゴリズムの導入によって、医師が胸部CT画像を用いた診断を{ct_seconds}以内に完了できる"
         "ようになった。中国においてこの技術は{ct_accuracy}の正確率である。"),
    para("現在、世界中で{ct_hospitals}を超える病院が関連技術を使用しており、API使用が{ct_api_calls}を超える。"
         "現在海外では、日本とインドネシアの医療機関をはじめ{ct_hospitals_overseas}を超える病院が利用している。"),
]

NECESSITIES: list[Row] = [
    section("生活必需品は、全ての人における最も大きなニーズ"),
    unit("フーマー（盒馬鮮生）、ウーラマ（餓了麼）、コウベイ（口碑）"),
    headline("中国の医療従事者に、合計{meals_medical}以上の差し入れを提供"),
    para("中国国内に{hema_stores}以上の店舗をもつフーマーは新型コロナウイルス発生初期に、商品を値上げしないこと、"
         "安定した価格で十分な供給を維持することを約束した。"),
    para("また、フーマーは3月31日時点までに計{hema_cny}を拠出し、武漢の{hema_hospitals}の指定病院と地域の"
         "保健医療機関、一部の医療従事者の家族に日用品と食事を提供した。これまでに、武漢において{hema_meals}"
         "以上の医療従事者への食事と様々な物資を送っている。"),
    para("アリババのローカルサービス（ウーラマやコウベイ等）は、全国の{local_merchants}以上のマーチャントおよび"
         "アリババ公益基金会、タオバオライブ、愛徳基金会、湖畔魔豆公益基金会とともに、医療従事者を応援するための"
         "プロジェクトを発足した。1月23日から3月2日の間で、{local_meals}近くの愛情を込めた差し入れが、全国"
         "{local_cities}の{local_hospitals}の病院に届けられた。"),
    unit("フーマー（盒馬鮮生）"),
    headline("{hema_farm_regions}以上の農産地の生鮮商品・農産物を、全国消費者に届けるための販路拡大施策"),
    para("フーマーは、消費者のニーズに対応するため、全国のサプライチェーンを通じて農業支援プロジェクトを"
         "立ち上げ、販路確保に困っていた農家の農産物や生鮮商品を、中国全国の消費者に届けた。支援を受けた"
         "農産地は山東、雲南、海南などの{hema_farm_regions}地域を超える。"),
    unit("タオバオ（淘宝）"),
    headline("全国の農家がライブコマースを通じて{farm_produce}の農産物を販売"),
    para("また、農家はスマートフォンから、タオバオライブを通じて販売チャンネルを開いた。中国のタオバオユーザー"
         "によって計{farm_produce}の農産物が購入された。4月1日から6日までの期間に開催された湖北省産農産物の"
         "販売キャンペーンでは、{hubei_produce}以上の商品を完売させた。農村部のインターネット環境は改善されて"
         "おり、アリババは研修育成、雇用創出、資金面で農家へのサポートを提供している。"),
    unit("ウーラマ（餓了麼）"),
    headline("{eleme_fresh_partners}の生鮮食品事業者と協力し、武漢をはじめとする中国{eleme_cities}で"
             "生鮮食品の供給を確保"),
    para("ウーラマは「デリバリー+テイクアウト」のサービス形態で人々とローカル企業を結びつけた。武漢では最初の"
         "{eleme_stations}の生鮮食品を提供するステーションを設立した。また{eleme_fresh_partners}の生鮮食品"
         "業者と協力し、中国{eleme_cities}で食料品が安定的に供給されるよう努めている。"),
    unit("ラザダ（Lazada）"),
    headline("今年1-3月、生鮮食品及び関連商品の売上が{lazada_fresh_orders_growth}増加。供給の安定化に貢献"),
    para("東南アジア市場では、ラザダ（Lazada）は日用品と新鮮な農産物の供給を確保することに尽力している。"
         "2020年1月から3月にかけて、{lazada_countries}の生鮮食品全体の注文数は"
         "{lazada_fresh_orders_growth}増加した。"),
    para("いくつか事例を紹介すると、マレーシアのキャメロン地方の農家は、実店舗の生鮮市場の閉鎖と物流混乱の影響"
         "を受けて多くの新鮮な野菜を捨てざるを得なかったが、ラザダが{lazada_onboard_hours}以内でプラット"
         "フォームへの加入を支援し、加入後の最初の週末に{cameron_veg_tonnes}の野菜を完売させた。インドネシア"
         "では、ラザダはRumah Sayur Groupと協力し、{rumah_farmers}の農家が新鮮な農産物をオンラインで販売"
         "できるようにした。シンガポールでは、ラザダがRedMartの商品カテゴリーの比率を調整し、日用品に重点を"
         "置いた。物流面では、流通システムを調整し、毎日の配送キャパシティを向上させた。"),
]

CONTACT: list[Row] = [
    section("社会的接触とコミュニケーションは、誰もが直面する主要な問題"),
    unit("DingTalk（ディントーク、釘釘）"),
    headline("{students:億万}の学生のオンライン学習を支援"),
    para("インターネット時代において、休校は休講を意味するものではない。新型コロナウイルスの感染が拡大する中で、"
         "DingTalkは3月31日時点で、{dingtalk_cny}以上を拠出し、中国全国{schools}のオンライン教育を支援した。"
         "DingTalkを利用してオンライン学習をした学生は{students:億万}に達した。"),
    unit("ヨウク（Youku）"),
    headline("{youku_free_titles}以上の高品質な映像作品を期間限定で無料公開。春節期間のDAUが伸長。"),
    para("オンラインエンターテインメントは外出規制期間の主要なレジャー手段となっており、需要は増え続けている。"
         "研究機関のQuestMobileが発表した「2020 China Mobile Internet fighting Epidemic」の特別調査"
         "レポートによると、アリババエンターテインメント事業部の子会社であるヨウク（Youku）の春節期間中および"
         "春節明けの1週間後のデイリーアクティブユーザー数（DAU）は{youku_dau_low}～{youku_dau_high:億万}に"
         "達した。DAUの伸び率はモバイルアプリのTOP5に入った。"),
    para("ヨウクは、「Have a Good Eating」、「Good Sports」から、「Cloud Education」、「Cloud Tourism」、"
         "「Cloud Fitness」をテーマにしたドラマ番組で、視聴者のニーズを満たす心温まるコンテンツを提供し、"
         "{youku_free_titles}以上の作品を期間限定で無料公開した。また、湖北省在住の人々のためには限定"
         "コンテンツを無料配信した。過去配信済作品の単日平均再視聴回数は平常時のときに比べ"
         "{youku_rewatch_growth}増となった。ヨウクでは、ドラマ、バラエティ、映画、アニメといった多様な"
         "カテゴリの映像作品を提供しており、既に公開されている良質なコンテンツは外出規制期間中に人々の需要を"
         "満たす有力な作品となった。"),
    unit("ヨウク（Youku）、ウーラマ（餓了麼）"),
    headline("グルメ番組を通じて{viewers}の視聴者と{youku_eleme_merchants}以上のマーチャントをつなぐ"),
    para("アリババのエコシステムを活用することで、ヨウクとウーラマ（餓了麼）は、エンターテインメントとECを繋ぐ、"
         "新しい「観ながら食べる」ビジネスモデルを起ち上げた。ヨウクのユーザーは、グルメ番組を視聴しながら、"
         "関連する新鮮な野菜や中食製品を注文でき、自宅で番組中の料理を調理したり食べたりできる。人気のグルメ番組"
         "「人間煙火花小厨」は1か月以内に{viewers}の視聴者と{youku_eleme_merchants}人を超えるマーチャントを"
         "繋いだ。"),
    unit("ヨウク（Youku）、DingTalk（ディントーク）、フリギー（Fliggy）"),
    headline("{edu_institutions}以上の教育機関と約{edu_teachers}の教師がライブ配信を用いて学習コースを開設"),
    headline("{sports_participants}以上がスポーツ選手のライブ配信イベントに参加。旅行のライブ配信もトレンドに"),
    para("ライブ配信のトレンドには、教育、健康、旅行などのテーマもある。ヨウクとDingTalkは「Class at Home "
         "Program」を共同で起ち上げ、{edu_institutions}を超える教育機関と約{edu_teachers}の教師による、毎日"
         "何千本ものライブ配信を活用した学習コース開設に役立っている。"),
    para("ヨウクは、「Championship Sports Class」のライブ配信を開始し、数人のスポーツチャンピオンを招待して"
         "トレーニングを教えてもらい、{sports_participants}以上のユーザーが同イベントに参加した。また、今年の"
         "2月から5月上旬にかけて、観光業界の企業や公的機関とタレントと協力し、フリギー（Fliggy）は約"
         "{fliggy_streams:億万}の旅行ライブ配信を行い、視聴回数は{fliggy_views}を超えた。"),
    chart("reach"),
]

RECOVERY: list[Row] = [
    section("事業再開と職場復帰への支援は、経済回復への鍵"),
    unit("マイバンク（網商銀行）"),
    headline("中国本土の中小企業に無利子ビジネスローンと売掛金の即時入金サービスを提供、計{mybank_cny}を拠出"),
    para("今回の新型コロナウイルス感染拡大による経済への影響を考慮し、アリババエコシステムは、企業のコストを"
         "削減するため、低金利および無利子ビジネスローンの提供などの支援策を始めた。マイバンクはマーチャントに"
         "売掛金即時前入金無料サービスと無利子ビジネスローンを提供するため、計{mybank_cny}を拠出した。"),
    para("また、天猫はマーチャント（出店企業）の2020年上半期プラットフォームサービス料を免除し、3月31日時点で"
         "計{tmall_fee_waiver}を拠出した。タオバオ、天猫と菜鳥は共同で専用ファンドを立ち上げ、サプライチェーンと"
         "物流企業に計{supply_chain_fund_paid}を拠出し補助金を給付した。"),
    unit("タオバオライブ（淘宝直播）"),
    headline("2月の新規ライブ配信アカウント数は前月比{live_new_accounts_growth}増加。ライブ配信事業者の"
             "受注総数は毎週平均{live_weekly_orders_growth}で増加"),
    para("デジタルツールは企業が次世代を生き抜くために、重要なものに違いない。タオバオライブでは、2月の新規"
         "出店料をゼロとし、関連ツールを無料提供することを発表した。これにより自動車ディーラーの店員から、"
         "海外ブランド、不動産業者、さらには義烏卸売市場の小さな商店まで、多くのマーチャントがこの新しい"
         "マーケティング手法を取り入れるようになった。"),
    para("2月には、「タオバオライブ」上の新規配信アカウント数は前月比{live_new_accounts_growth}増加し、"
         "ライブコマースを通じた受注総数は平均して週{live_weekly_orders_growth}増加した。東南アジア地域では、"
         "ラザダのLazLiveにおけるライブコマースの売上高が前期比{lazlive_sales_growth}増となり、外出自粛期間中"
         "でも東南アジア地域の企業やマーチャントが売上を伸ばせるよう支援した。"),
    headline("企業はライブ配信やオンライン発表会を通じて新製品を発表"),
    para("多くの企業はタオバオが提供するライブコマースサービスで新製品を発表するようになった。「上海ファッション"
         "ウィーク」も天猫との提携を通じてオンラインで開催され、ライブ配信では{sfw_products}以上の新製品が"
         "紹介された。3時間続いた同ライブ配信は{sfw_views}視聴された。"),
    para("また、天猫（Tmall）に出店中のブランドが自ら設定した日程で年に1回だけ開催できるキャンペーン「天猫・"
         "スーパー・ブランド・デー」、また、シャオミ、アディダス、イケアなどの有名ブランドの「オンライン新製品"
         "発表会」にも、ライブコマースが活用された。"),
    unit("アリエクスプレス（AliExpress）"),
    headline("中国国外の消費者に商品を提供。4月中旬のセールでは総売上高が{aliexpress_sales}を突破"),
    para("世界各国で実店舗の営業自粛が続く中、中国国外のユーザーにサービスを提供するアリエクスプレス"
         "（AliExpress）は、マスクなどの感染予防用品をリーズナブルな価格で提供し、さらに日用品、レジャー用品、"
         "衣料品、家電製品、その他多くの製品も提供を継続している。4月中旬、アリエクスプレス（AliExpress）上で"
         "3日間にわたり実施された「在宅中の新需要」キャンペーンでは、総売上高が{aliexpress_sales}を超えた。"),
    unit("アリババクラウド"),
    headline("世界各地の企業への{cloud_fund_usd}規模の支援計画を発表。{cloud_companies}以上の企業をサポート"),
    para("アリババクラウドは、世界中の企業に向けて、{cloud_fund_usd}の支援計画を発表した。4月23日現在、"
         "{cloud_companies}以上の企業がこのプランによって支援されており、中でもシンガポール、インド、香港の3つの"
         "地域にある企業が高い割合を占めている。さらに、ラザダでは東南アジア地域の{lazada_digital_smes}企業の"
         "デジタル変革を支援することにも注力している。"),
    unit("フーマー（盒馬鮮生）"),
    headline("柔軟な雇用機会を創出するため、従業員シェアのプロジェクトを起ち上げ。合計{hema_shared_staff}以上の"
             "従業員をシェア"),
    para("コスト削減を必要とする企業もあれば、サービスを提供するためにより多くの人材を必要とする企業もある。"
         "フーマーは、雇用の課題を柔軟に、そしてデジタルの手法で解決するため、飲食業や配車サービスなどの企業と"
         "共に「従業員シェアリング」プロジェクトを起ち上げた。飲食店の営業自粛をうけ、一時的な失業状態の"
         "飲食業の従業員を活用することで、短期的に彼らの収入の問題を解決すると共に、企業の財政逼迫を緩和した。"
         "この革新的な手法は多くの注目を集め、様々な団体が類似の取り組みを行った。同プロジェクト終了まで、"
         "フーマーでは合計{hema_shared_staff}を超える従業員がシェアされた。"),    chart("growth"),
]

CLOSING: list[Row] = [
    chapter("おわりに", "アフターコロナのニューノーマルに向けて"),
    para("アリババは、エコシステム上の様々な事業とその強みを合わせることで、新型コロナウイルス感染症に立ち向かい、"
         "同時に社会全体を支援しながら、未来に向けた計画についても常に考えている。今回の感染症の流行はデジタル化"
         "への大きな「きっかけ」となった。2003年のEコマース開発の加速と同様に、今日のデジタル革新も加速している。"
         "この革新を通じ、経済は活性化し、長期的には企業にとって不可欠な新しいデジタルインフラとなるだろう。"
         "この章では**ヒト、モノ、場ごとに、新しいデジタルインフラがどのように活用されていくのかを予測していく。**"),
    section("ヒト"),
    headline("生活習慣の変化で、多くの消費活動がオンライン起点に"),
    para("オンラインでのファッションショー「See Now Buy Now（観ながら買う）」から、今のグルメ番組「観ながら"
         "食べる」まで、私たちの生活へのインターネットの浸透度は、アフターコロナでもますます高まっていくだろう。"
         "20-30代の人々は、従来のフードデリバリーサービスを活用することで生鮮食品や家でも簡単に調理できる"
         "中食商品を購入して料理を楽しむなど、より多くの楽しみをオンラインサービスで求めるようになってきている。"),
    para("新型コロナウイルス感染症の影響が拡大する中、高齢者や農村部の農家、住民までの幅広い層が日常生活で"
         "オンラインサービスを利用しており、多くの人々がネットで診療を受けたり薬を購入したりすることに慣れて"
         "きている。海外では、東南アジア市場でのデイリーアクティブユーザー（DAU）が急速に増加していることにも、"
         "消費活動の変化が映し出されている。"),
    section("モノ"),
    headline("消費者中心の生産モデルはデジタル化の加速で進化"),
    para("タオバオは2月に、中国の製造業、工場、工業地帯のデジタル変革を支援するために、C2M（消費者から製造業者"
         "へ）戦略を発表し、同時に中国国内市場での機会を探る外国企業も支援している。タオバオは、メーカー専用の"
         "プラットフォーム「タオバオ特別価格版」のアップグレードを始め、様々な施策でマーチャントを支援した。"),
    para("今年の1月から3月末までの3ヶ月間で、タオバオライブでのデイリーアクティブ店舗数が前年比より"
         "{live_daily_stores_growth}増となった。また、直近の3か月間で、タオバオに新規参入した、海外輸出事業を"
         "中心とした企業数は前年比より{new_export_merchants_growth}増となった。海外貿易向け工場による直営"
         "ネットショップ数は累計で{factory_shops}を超え、中国での海外貿易工場総数の半分以上を占めている。"
         "アリエクスプレスでは、マーチャントが独自ブランドを構築する傾向がより顕著になっており、従来のB2Bから"
         "B2Cに移行したマーチャントも多くなっている。越境C2Mモデルによって、マーチャントが消費者の需要を満たす"
         "商品を生産することができるようになってきている。"),
    section("場"),
    headline("デジタル化の加速でより多くのビジネス機会を創出"),
    para("ネットショッピングにおける場もより豊かなコンテンツやインタラクションを提供する傾向が強まっている。"
         "タオバオライブの1日平均ライブ配信を行うマーチャント総数が前年比の{live_merchants_multiple}、ユーザー数"
         "が4月末時点で前年比の{live_users_multiple}になるなど、あらゆる業界のマーチャントがタオバオライブへの"
         "参入を加速している。"),
    para("アリババドットコムでは、中小企業向けのオンライン展示会を開催し、潜在的なグローバルバイヤーに"
         "アプローチする機会を提供し、3Dショッピング、ショートビデオ、デジタル名刺などのツールを導入し、"
         "バイヤーとサプライヤーの取引を促進するコミュニケーション機会を提供している。"),
    para("加速するデジタル化を背景に、パブリッククラウドの需要も今後拡大していくことが予想できる。アリババ"
         "クラウドは、データセンターなどのクラウドインフラの構築に、今後3年間で{cloud_invest_usd}（約"
         "{cloud_invest_jpy}）の投資を発表した。"),
    para("医療分野の需要は、新型コロナウイルス感染症拡大後、自宅にいながら専門的な医療サービスを受けられる"
         "ことが日常化し、医療診断の正確性と効率性に対する人々の需要が高まっていくと思われる。アリヘルスは今後も"
         "新たなデジタルインフラの整備を進めていく。アリババクラウドはAIカスタマーサービス向けロボットや、医師"
         "によるリアルタイム・ビデオ・カウンセリング・サービスといった遠隔診療を下支えする技術開発に注力し、AIと"
         "クラウドコンピューティング技術を活用し、医療サービスの発展をエンパワーメントしていく。"),
    chapter("共に歩み続けるために"),
    para("過去から現在、未来へ、私たちはすでにデジタル経済社会の只中にあり、今後はその幅を広げ、深掘りしていく"
         "かが課題となる。「あらゆるビジネスを広げる力になる」（To make it easy to do business anywhere）という"
         "ミッションを掲げるアリババグループは、20年間のノウハウとテクノロジー、エコシステムの相乗効果で、"
         "世界中の企業に新しいデジタルインフラを提供し、困難な時代を乗り越え、共に前進していくことを目指している。"),
    quote("花開之時、更見燦爛（花が再び咲くときは、より鮮やかに）。"),
]

CONTENT: list[Row] = PRESS_RELEASE + INTRODUCTION + MEDICAL + NECESSITIES + CONTACT + RECOVERY + CLOSING
CONTENT_HEADER = ("type", "text", "ref", "caption", "options")
BLOCK_TYPES = ("part", "chapter", "section", "unit", "headline", "lead", "paragraph", "quote", "highlight",
               "bullet", "kpi", "chart", "table", "image", "note", "contact", "pagebreak")
CHART_TYPES = ("bar", "barh", "stacked", "line", "pie", "donut")

# ---------------------------------------------------------------------------- writing
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="C2410C")
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = InlineFont(b=True)


def write_header(ws: Worksheet, names: tuple[str, ...]) -> None:
    ws.append(list(names))
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    ws.freeze_panes = "A2"


def set_widths(ws: Worksheet, widths: dict[str, float]) -> None:
    for col, width in widths.items():
        ws.column_dimensions[col].width = width


def write_meta(wb: Workbook) -> None:
    ws = wb.create_sheet("meta")
    write_header(ws, ("key", "value", "note"))
    for key, value, fmt, comment in META:
        ws.append([key, value, comment or None])
        if fmt:
            ws.cell(ws.max_row, 2).number_format = fmt
        if key in RATE_NAMES:
            name = RATE_NAMES[key]
            wb.defined_names[name] = DefinedName(name, attr_text=f"meta!$B${ws.max_row}")
    set_widths(ws, {"A": 16, "B": 60, "C": 60})


def write_mail(wb: Workbook) -> None:
    ws = wb.create_sheet("mail")
    write_header(ws, ("key", "value", "note"))
    for row in MAIL:
        ws.append(list(row))
        ws.cell(ws.max_row, 2).alignment = WRAP
    set_widths(ws, {"A": 10, "B": 80, "C": 50})


def excel_bold(text: str) -> str | CellRichText:
    """`**bold**` in the text above becomes Excel rich text, as a user would set it."""
    if "**" not in text:
        return text
    parts = text.split("**")
    return CellRichText(*(TextBlock(BOLD, p) if i % 2 else p for i, p in enumerate(parts) if p))


def add_choices(ws: Worksheet, column: str, choices: tuple[str, ...], rows: int = 1000) -> None:
    """A drop-down list on column cells below the header, so a typo cannot be typed."""
    check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    check.add(f"{column}2:{column}{rows}")
    ws.add_data_validation(check)


def write_content(wb: Workbook) -> None:
    ws = wb.create_sheet("content")
    write_header(ws, CONTENT_HEADER)
    add_choices(ws, "A", BLOCK_TYPES)
    for kind, text, *rest in CONTENT:
        ws.append([kind, excel_bold(text) if text else None, *(cell or None for cell in rest)])
        ws.cell(ws.max_row, 2).alignment = WRAP
    set_widths(ws, {"A": 11, "B": 100, "C": 14, "D": 40, "E": 12})


def values_rows() -> dict[str, int]:
    """Row of each value name in the `values` sheet (header is row 1)."""
    return {name: i for i, (name, *_rest) in enumerate(VALUES, start=2)}


def write_values(wb: Workbook) -> None:
    ws = wb.create_sheet("values")
    write_header(ws, ("name", "value", "note"))
    rows = values_rows()
    for name, value, fmt, comment in VALUES:
        if isinstance(value, str):  # "{name}" inside a formula is that value's row
            value = re.sub(r"\{(\w+)\}", lambda m: str(rows[m[1]]), value)
        ws.append([name, value, comment])
        ws.cell(ws.max_row, 2).number_format = fmt
    set_widths(ws, {"A": 28, "B": 16, "C": 70})


def write_charts(wb: Workbook) -> None:
    ws = wb.create_sheet("charts")
    write_header(ws, CHART_HEADER)
    add_choices(ws, "B", CHART_TYPES, rows=100)
    for row in CHARTS:
        ws.append([cell or None for cell in row])
    set_widths(ws, {"A": 14, "B": 8, "C": 14, "D": 10, "E": 16, "F": 36, "G": 8, "H": 60, "I": 6,
                    "J": 40, "K": 6})


def write_table(wb: Workbook, name: str) -> None:
    header, formats, rows = TABLES[name]
    ws = wb.create_sheet(name)
    write_header(ws, header)
    for r, row in enumerate(rows, start=2):
        ws.append([v.format(r=r) if isinstance(v, str) and v.startswith("=") else v for v in row])
        for c, fmt in enumerate(formats, start=1):
            ws.cell(r, c).number_format = fmt
    set_widths(ws, {"A": 48, "B": 16, "C": 16, "D": 60})


def build_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    write_meta(wb)
    write_content(wb)
    write_values(wb)
    write_charts(wb)
    for name in TABLES:
        write_table(wb, name)
    write_mail(wb)
    wb.properties.creator = "reportgen data/make_sample.py"
    wb.properties.title = META[0][1]  # type: ignore[assignment]
    wb.properties.created = STAMP
    wb.calculation.fullCalcOnLoad = True  # formulas carry no saved values: compute on open
    return wb


def reproducible_bytes(wb: Workbook) -> bytes:
    """The saved workbook with fixed timestamps.

    Hand-written: openpyxl stamps docProps/core.xml with the current time on save and
    zipfile stamps each member with the current time; both are rewritten here.
    """
    raw = io.BytesIO()
    wb.save(raw)
    stamp = STAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            member = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, data)
    return out.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.write_bytes(reproducible_bytes(build_workbook()))
    print(f"wrote {out} ({len(CONTENT)} content rows, {len(VALUES)} values, {len(TABLES)} data sheets, "
          f"{len(CHARTS)} charts)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
