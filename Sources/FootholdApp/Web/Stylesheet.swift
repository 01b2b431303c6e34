import Crypto
import Foundation
import Vapor

/// Foothold's own stylesheet, compiled into the app so there is nothing to deploy beside it and
/// nothing is fetched from elsewhere. Its name carries a hash of its content, so it can be cached
/// for a year and still change the moment it does.
enum Stylesheet {
    static let fileName = "foothold-" + SHA256.hash(data: Data(css.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined() + ".css"

    static func response() -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return Response(status: .ok, headers: headers, body: .init(string: css))
    }

    static let css = """
        :root {
          --brand: #0b5d4b; --brand-dark: #074236; --brand-tint: #e6f2ee;
          --ink: #1d2524; --ink-soft: #4c5957; --line: #cfd8d6; --surface: #ffffff; --page: #f6f8f7;
          --focus: #ffbf47; --error: #b3261e;
          --met: #1e6b3a; --met-bg: #e3f2e7; --scheduled: #1d4f91; --scheduled-bg: #e5edf8;
          --due: #5b3b8c; --due-bg: #efe9f7; --overdue: #7a4a00; --overdue-bg: #fdf0d5;
          --declined: #4c5957; --declined-bg: #eceff0;
          --radius: 6px; --measure: 70ch;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--page); color: var(--ink);
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          font-size: 1.0625rem; line-height: 1.5;
        }
        a { color: var(--brand); text-underline-offset: 0.15em; }
        a:hover { color: var(--brand-dark); text-decoration-thickness: 2px; }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
          outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 5px var(--ink);
        }
        a:focus-visible { background: var(--focus); color: var(--ink); box-shadow: none; text-decoration: none; }
        h1, h2, h3 { line-height: 1.25; margin: 0 0 0.75rem; }
        h1 { font-size: 2rem; letter-spacing: -0.01em; }
        h2 { font-size: 1.5rem; }
        h3 { font-size: 1.1875rem; }
        .main > h2, .main > form + h2 { margin-top: 2.25rem; }
        p { margin: 0 0 1rem; max-width: var(--measure); }
        .lead { font-size: 1.1875rem; color: var(--ink-soft); }
        .muted { color: var(--ink-soft); font-size: 0.9375rem; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .container { max-width: 1040px; margin: 0 auto; padding: 0 1.25rem; }
        .narrow { max-width: 32rem; }

        .skip-link { position: absolute; left: 1rem; top: -3rem; background: var(--focus); color: var(--ink); padding: 0.5rem 1rem; z-index: 10; }
        .skip-link:focus { top: 0.5rem; }

        .site-header { background: var(--brand); color: #fff; margin-bottom: 2rem; }
        .site-header__inner { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; min-height: 4rem; padding-top: 0.5rem; padding-bottom: 0.5rem; }
        .brand { color: #fff; font-weight: 700; font-size: 1.3125rem; text-decoration: none; letter-spacing: 0.01em; padding: 0.5rem 0; }
        .brand::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.45em; border-radius: 50% 50% 50% 8%;
          background: #9fd8c6; vertical-align: -0.05em; }
        .brand:hover, .brand:visited { color: #fff; }
        .site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem; }
        .site-nav a { color: #fff; text-decoration: none; display: inline-block; padding: 0.6rem 0.75rem; border-radius: var(--radius); min-height: 44px; }
        .site-nav a:hover { background: rgba(255,255,255,0.12); color: #fff; }
        .site-nav a[aria-current="page"] { background: rgba(255,255,255,0.18); font-weight: 600; }
        .account { margin-left: auto; display: flex; align-items: center; gap: 0.75rem; font-size: 0.9375rem; }
        .account__form { margin: 0; }
        .account .button--link { color: #fff; }
        .account__notifications { color: #fff; text-decoration: none; padding: 0.6rem 0.5rem; border-radius: var(--radius); min-height: 44px;
          display: inline-flex; align-items: center; gap: 0.4rem; }
        .account__notifications:hover, .account__notifications:visited { color: #fff; background: rgba(255,255,255,0.12); }
        .account__notifications[aria-current="page"] { background: rgba(255,255,255,0.18); font-weight: 600; }
        .account__notifications .count { background: #fff; color: var(--brand-dark); border-radius: 999px; font-size: 0.8125rem;
          font-weight: 700; padding: 0.05rem 0.5rem; line-height: 1.4; }
        .notification-list { list-style: none; margin: 1rem 0 0; padding: 0; }
        .notification { padding: 0.75rem 0; border-top: 1px solid var(--line); }
        .notification p { margin: 0; }
        .notification--unread .notification__text { font-weight: 600; }
        .notification__when { margin-top: 0.2rem !important; }

        .breadcrumbs ol { list-style: none; margin: -0.75rem 0 1.25rem; padding: 0; display: flex; flex-wrap: wrap; font-size: 0.9375rem; }
        .breadcrumbs li + li::before { content: "›"; margin: 0 0.5rem; color: var(--ink-soft); }
        .main { padding-bottom: 3rem; outline: none; }

        .card { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.25rem 1.5rem; margin: 0 0 1.5rem; }
        .card > :last-child { margin-bottom: 0; }
        .card-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1.25rem; }
        .card-grid .card { margin: 0; }

        .summary-list { margin: 0 0 1.25rem; display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; border-top: 1px solid var(--line); }
        .summary-list dt, .summary-list dd { padding: 0.6rem 0; border-bottom: 1px solid var(--line); }
        .summary-list dt { font-weight: 600; padding-right: 1.5rem; }
        .summary-list dd { margin: 0; overflow-wrap: anywhere; }

        .tag { display: inline-block; font-size: 0.875rem; font-weight: 600; line-height: 1.2; padding: 0.2rem 0.55rem; border-radius: 999px;
          margin: 0 0.35rem 0.35rem 0; border: 1px solid transparent; }
        .tag--neutral { background: var(--declined-bg); color: var(--ink); }
        .tag--brand { background: var(--brand-tint); color: var(--brand-dark); border-color: #bcdcd2; }
        .tag--met { background: var(--met-bg); color: var(--met); }
        .tag--scheduled { background: var(--scheduled-bg); color: var(--scheduled); }
        .tag--due { background: var(--due-bg); color: var(--due); }
        .tag--overdue { background: var(--overdue-bg); color: var(--overdue); }
        .tag--declined, .tag--inactive { background: var(--declined-bg); color: var(--declined); }

        .table-wrap { overflow-x: auto; margin: 0 0 1.25rem; }
        .table { border-collapse: collapse; width: 100%; background: var(--surface); }
        .table__caption { text-align: left; font-weight: 600; font-size: 1.1875rem; padding-bottom: 0.5rem; }
        .table th, .table td { text-align: left; padding: 0.6rem 0.75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .table th { font-size: 0.9375rem; color: var(--ink-soft); font-weight: 600; border-bottom-width: 2px; }
        .table tbody tr:hover { background: #fafcfb; }
        .indent--1 { padding-left: 1.25rem; } .indent--2 { padding-left: 2.5rem; } .indent--3 { padding-left: 3.75rem; }
        .indent--4 { padding-left: 5rem; } .indent--5, .indent--6 { padding-left: 6.25rem; }
        .indent { display: inline-block; }

        .field { margin: 0 0 1.25rem; }
        .field__label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
        .field__hint { color: var(--ink-soft); margin: 0 0 0.35rem; font-size: 0.9375rem; }
        .field__error { color: var(--error); font-weight: 600; margin: 0 0 0.35rem; }
        .field--error { border-left: 4px solid var(--error); padding-left: 0.85rem; }
        .input { font: inherit; width: 100%; max-width: 30rem; min-height: 44px; padding: 0.45rem 0.6rem; border: 2px solid var(--ink-soft); border-radius: 4px; background: #fff; color: var(--ink); }
        .input[type="file"] { border-style: dashed; padding: 0.6rem; }
        .input--error { border-color: var(--error); }
        .checkbox { display: grid; grid-template-columns: 2rem 1fr; align-items: start; gap: 0 0.5rem; margin: 0 0 1.25rem; }
        .checkbox__input { width: 1.5rem; height: 1.5rem; margin: 0.1rem 0 0; accent-color: var(--brand); }
        .checkbox .field__hint { grid-column: 2; }
        .textarea { max-width: 42rem; min-height: 6rem; resize: vertical; line-height: 1.5; }
        select.input { max-width: 30rem; }
        .fieldset { border: none; padding: 0; margin: 0 0 1.25rem; }
        .fieldset legend { padding: 0; margin-bottom: 0.5rem; }
        .radio { display: grid; grid-template-columns: 2rem 1fr; align-items: start; gap: 0 0.5rem; margin: 0 0 0.6rem; }
        .radio__input { width: 1.4rem; height: 1.4rem; margin: 0.15rem 0 0; accent-color: var(--brand); }
        .radio .field__hint { grid-column: 2; margin: 0; }
        .privacy { display: flex; width: fit-content; align-items: center; gap: 0.35rem; font-size: 0.875rem; font-weight: 600; color: var(--brand-dark);
          background: var(--brand-tint); border-radius: 999px; padding: 0.1rem 0.6rem; margin: 0 0 0.4rem; }
        .privacy::before { content: ""; width: 0.55rem; height: 0.7rem; border: 2px solid currentColor; border-radius: 2px 2px 3px 3px; box-sizing: border-box; }
        .inline-form { display: inline-block; margin: 0 0.5rem 0.5rem 0; }
        .button-row { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; margin: 0 0 1.5rem; }
        .button-row .inline-form { margin: 0; }
        .answer { white-space: pre-wrap; margin: 0 0 1rem; max-width: var(--measure); }
        .stepper ol { list-style: none; counter-reset: stage; display: flex; flex-wrap: wrap; gap: 0.35rem; padding: 0; margin: 0 0 1.5rem; }
        .stepper li { counter-increment: stage; }
        .stepper a { display: inline-block; padding: 0.35rem 0.7rem; border-radius: 999px; background: var(--surface); border: 1px solid var(--line);
          text-decoration: none; font-size: 0.9375rem; min-height: 44px; line-height: 1.9; }
        .stepper a::before { content: counter(stage) ". "; font-weight: 700; color: var(--brand); }
        .stage-number { display: inline-grid; place-items: center; width: 2rem; height: 2rem; border-radius: 50%; background: var(--brand); color: #fff;
          font-size: 1rem; margin-right: 0.25rem; vertical-align: 0.15em; }
        .tip { border-left: 4px solid #9fd8c6; padding-left: 0.8rem; }
        .questions li { margin-bottom: 0.35rem; }
        .stage { scroll-margin-top: 1rem; }
        .advice { border-left: 4px solid var(--due); background: var(--due-bg); border-radius: 0 var(--radius) var(--radius) 0; }
        .advice { padding: 0.5rem 0.875rem; margin: 0.5rem 0 1rem; max-width: var(--measure); }
        .advice__title { margin: 0 0 0.25rem; }
        .advice__list { margin: 0; padding-left: 1.25rem; }
        .advice__list li { margin-bottom: 0.25rem; }
        .advice__good { margin: 0; color: var(--met); }
        .diff { max-width: var(--measure); line-height: 1.7; }
        .diff ins { background: var(--met-bg); color: var(--met); text-decoration: underline; text-decoration-thickness: 2px; }
        .diff del { background: var(--overdue-bg); color: var(--overdue); text-decoration: line-through; }
        .action-meta { color: var(--ink-soft); font-size: 0.9375rem; display: block; margin-top: 0.125rem; }
        .print-only { display: none; }
        .bring-in .button { margin: 0 0.5rem 0.5rem 0; text-align: left; }
        .goal-list li { margin-bottom: 0.25rem; }
        .compare { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
        .muted-box { background: var(--page); border-radius: var(--radius); padding: 0.75rem 1rem; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: 0.75rem; margin: 0 0 1rem; padding: 0;
          list-style: none; }
        .figures li { background: var(--page); border-radius: var(--radius); padding: 0.75rem 1rem; }
        .figures__label { display: block; color: var(--ink-soft); font-size: 0.9375rem; }
        .figures__value { display: block; font-size: 1.75rem; font-weight: 700; line-height: 1.2; }
        .chart-pair { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
        .chart-figure { margin: 0; flex: 2 1 26rem; max-width: 680px; }
        .chart-pair .table-wrap, .chart-pair > table { flex: 1 1 16rem; }
        .chart { width: 100%; height: auto; display: block; font-family: inherit; }
        .chart__title { font-size: 16px; font-weight: 700; fill: var(--ink); }
        .chart__grid { stroke: var(--line); stroke-width: 1; }
        .chart__tick, .chart__axis { font-size: 13px; fill: var(--ink-soft); }
        .chart__axis { font-weight: 600; }
        .chart__line { stroke-width: 3; }
        .chart__line--a { stroke: var(--declined); fill: var(--declined); }
        .chart__line--b { stroke: var(--brand); fill: var(--brand); }
        polyline.chart__line { fill: none; }
        .chart__line--dashed { stroke-dasharray: 7 5; }
        circle.chart__line--dashed { stroke-dasharray: none; }
        .chart__value { font-size: 13px; font-weight: 600; fill: var(--ink); }
        .chart__name { font-size: 14px; font-weight: 700; fill: var(--ink); }
        .baseline { color: var(--ink-soft); }
        .held-back { color: var(--ink-soft); font-style: italic; }

        .button { display: inline-block; font: inherit; font-weight: 600; line-height: 1.2; min-height: 44px; padding: 0.7rem 1.2rem; border-radius: var(--radius);
          border: 2px solid transparent; cursor: pointer; text-decoration: none; text-align: center; }
        .button--primary, .button:not([class*="button--"]) { background: var(--brand); color: #fff; box-shadow: 0 2px 0 var(--brand-dark); }
        .button--primary:hover, .button:not([class*="button--"]):hover { background: var(--brand-dark); color: #fff; }
        .button--secondary { background: #fff; color: var(--brand-dark); border-color: var(--brand); }
        .button--secondary:hover { background: var(--brand-tint); color: var(--brand-dark); }
        .button--warning { background: #8a2a1f; color: #fff; }
        .button--link { background: none; border: none; box-shadow: none; padding: 0.6rem 0.25rem; text-decoration: underline; color: var(--brand); font-weight: 400; }
        .search { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.75rem; margin-bottom: 1.5rem; }
        .search .field { margin: 0; flex: 1 1 18rem; }

        .error-summary { border: 4px solid var(--error); padding: 1rem 1.25rem; margin: 0 0 1.5rem; background: #fff; }
        .error-summary__title { font-size: 1.3125rem; margin-bottom: 0.5rem; }
        .error-summary ul { margin: 0; padding-left: 1.25rem; }
        .error-summary a { color: var(--error); font-weight: 600; }
        .notice { border-left: 6px solid var(--brand); background: var(--brand-tint); padding: 0.85rem 1.1rem; margin: 0 0 1.5rem; border-radius: 0 var(--radius) var(--radius) 0; }
        .notice p { margin: 0; }
        .notice--success { border-color: var(--met); background: var(--met-bg); }
        .empty-state { border: 2px dashed var(--line); border-radius: var(--radius); padding: 1.5rem; background: var(--surface); margin-bottom: 1.5rem; }
        .empty-state__title { font-weight: 600; font-size: 1.1875rem; margin-bottom: 0.35rem; }
        .one-field-form { margin: 0.5rem 0 0; }
        .one-field-form .field__label { font-weight: 400; font-size: 0.9375rem; color: var(--ink-soft); }
        .one-field-form__row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
        .one-field-form__row .input { flex: 1 1 14rem; }
        .slot-list { list-style: none; padding: 0; margin: 0 0 1.5rem; }
        .slot-list > li { border-top: 1px solid var(--line); padding: 0.85rem 0; }
        .slot-list > li:first-child { border-top: 0; }
        .slot__when { font-weight: 700; }
        .slot__who { margin: 0.1rem 0 0; }
        .slot__theme { margin: 0.2rem 0 0; color: var(--brand-dark); font-style: italic; }
        .filter-form { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: flex-end; margin: 0 0 1rem; }
        .filter-form .field { margin: 0; }
        .week-nav { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; margin: 0 0 1rem; }
        .reason { color: var(--ink-soft); margin: 0.25rem 0 0; }
        .story-link { margin: 0.25rem 0 0; font-size: 0.9375rem; }
        .link-list { list-style: none; padding: 0; margin: 0 0 1rem; }
        .link-list li { margin: 0 0 0.5rem; }
        .pagination ul { list-style: none; display: flex; gap: 1rem; align-items: center; padding: 0; margin: 0 0 1.5rem; }
        .pagination__current { color: var(--ink-soft); }
        .site-footer { border-top: 1px solid var(--line); background: var(--surface); color: var(--ink-soft); font-size: 0.9375rem; padding: 1.5rem 0; }
        .site-footer p { margin: 0; }

        @media (max-width: 640px) {
          body { font-size: 1rem; }
          h1 { font-size: 1.625rem; }
          .site-header { margin-bottom: 1.25rem; }
          .account { margin-left: 0; width: 100%; justify-content: space-between; }
          .summary-list { grid-template-columns: 1fr; }
          .summary-list dt { border-bottom: 0; padding-bottom: 0; }
          .card { padding: 1rem; }
          .table th, .table td { padding: 0.5rem; }
        }
        @media (max-width: 600px) {
          .site-header__inner { flex-wrap: nowrap; overflow-x: auto; gap: 0.25rem; min-height: 3.25rem; padding-top: 0.25rem; padding-bottom: 0.25rem; scrollbar-width: thin; }
          .site-header__inner > * { flex: none; }
          .brand { font-size: 1.125rem; margin-right: 0.25rem; }
          .site-nav ul { flex-wrap: nowrap; gap: 0; }
          .site-nav a { padding: 0.6rem 0.55rem; white-space: nowrap; }
          .account { margin-left: 0; width: auto; gap: 0.25rem; white-space: nowrap; }
          .account__name { display: none; }
          .table--stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          .table--stack, .table--stack tbody, .table--stack tr, .table--stack td { display: block; width: 100%; }
          .table--stack tr { border-bottom: 1px solid var(--line); padding: 0.6rem 0; }
          .table--stack td { border: 0; padding: 0.2rem 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.5rem; overflow-wrap: anywhere; }
          .table--stack td::before { content: attr(data-label); flex: 0 0 36%; font-weight: 600; color: var(--ink-soft); font-size: 0.9375rem; }
          .table--stack td > * { min-width: 0; max-width: 100%; }
          .table--stack td:first-child { display: block; font-weight: 700; font-size: 1.0625rem; padding-bottom: 0.35rem; }
          .table--stack td:first-child::before, .table--stack td[data-label=""]::before { content: none; }
          .table--stack td[data-label=""] { display: block; }
          .table--stack td:empty { display: none; }
        }
        @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
        @media print {
          .site-header, .site-footer, .skip-link, .breadcrumbs, form, .button { display: none !important; }
          body { background: #fff; font-size: 11pt; }
          .card { border: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          .no-print { display: none !important; }
          .print-only { display: block !important; }
          .card:has(> form), .card:has(> .field) { display: none !important; }
          main, .container { max-width: none; margin: 0; padding: 0; }
          h1, h2, h3 { break-after: avoid; }
          .card, .muted-box, .advice, tr { break-inside: avoid; }
          .diff ins, .diff del { background: none; }
          @page { size: A4; margin: 18mm 16mm; }
        }
        """
}
