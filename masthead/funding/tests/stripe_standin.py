"""A small stand-in for Stripe on its own port of 127.0.0.1: another origin.

It answers the calls Masthead makes that localstripe does not cover, in the
current API's shapes: Checkout Sessions (with a checkout page to land on),
the event list that reconcile reads, invoices with their payments, a
charge's refunds, and cancelling or changing a subscription. Tests fill
``events``, ``invoices`` and ``refunds`` with what "Stripe" knows.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class StripeStandIn:
    def __init__(self) -> None:
        self.sessions: dict[str, dict] = {}
        self.events: list[dict] = []  # in creation order, as Stripe made them
        self.invoices: dict[str, dict] = {}
        self.refunds: dict[str, list[dict]] = {}  # by charge id
        self.subscriptions: dict[str, dict] = {}
        self.requests: list[tuple[str, str]] = []
        # Called in the server's thread before each answer: tests look at
        # the database from there, while the caller waits for the answer.
        self.on_request = lambda method, path: None
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "StripeStandIn":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def provider_config(self, **extra) -> dict:
        """A FUNDING_PROVIDERS entry for the Stripe provider, pointed here."""
        return {
            "BACKEND": "masthead.funding.providers.stripe.StripeProvider",
            "SECRET_KEY": "sk_test_masthead",
            "WEBHOOK_SECRET": "whsec_masthead_tests",
            "API_BASE": self.url,
            "CHECKOUT_ORIGIN": self.url,
            "MAX_NETWORK_RETRIES": 0,
            **extra,
        }

    # What the handler answers ---------------------------------------------

    def create_session(self, form: dict[str, str]) -> dict:
        with self._lock:
            session_id = f"cs_test_standin_{len(self.sessions) + 1}"
            session = {
                "id": session_id,
                "object": "checkout.session",
                "mode": form.get("mode", "payment"),
                "status": "open",
                "payment_status": "unpaid",
                "amount_total": int(
                    form.get("line_items[0][price_data][unit_amount]", 0)
                ),
                "currency": form.get("line_items[0][price_data][currency]", "usd"),
                "client_reference_id": form.get("client_reference_id", ""),
                "customer_email": form.get("customer_email", ""),
                "success_url": form.get("success_url", ""),
                "cancel_url": form.get("cancel_url", ""),
                "url": f"{self.url}/c/pay/{session_id}",
            }
            self.sessions[session_id] = session
            return session

    def list_events(self, query: dict[str, str]) -> dict:
        gte = int(query.get("created[gte]", 0))
        limit = int(query.get("limit", 10))
        with self._lock:
            newest_first = [e for e in reversed(self.events) if e["created"] >= gte]
        after = query.get("starting_after")
        if after:
            ids = [event["id"] for event in newest_first]
            newest_first = newest_first[ids.index(after) + 1 :]
        page = newest_first[:limit]
        return {
            "object": "list",
            "url": "/v1/events",
            "has_more": len(newest_first) > limit,
            "data": page,
        }


def _handler(standin: StripeStandIn):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            """Quiet: tests read ``standin.requests`` instead."""

        def _answer(self, status: int, body: dict | str) -> None:
            if isinstance(body, dict):
                data, kind = json.dumps(body).encode(), "application/json"
            else:
                data, kind = body.encode(), "text/html; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _missing(self) -> None:
            self._answer(
                404,
                {"error": {"type": "invalid_request_error", "message": "No such"}},
            )

        def _form(self) -> dict[str, str]:
            length = int(self.headers.get("Content-Length") or 0)
            text = self.rfile.read(length).decode() if length else ""
            return {key: values[-1] for key, values in parse_qs(text).items()}

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
            standin.requests.append(("GET", parts.path))
            standin.on_request("GET", parts.path)
            segments = parts.path.strip("/").split("/")
            if (
                segments[:2] == ["c", "pay"]
                and len(segments) == 3
                and segments[2] in standin.sessions
            ):
                session = standin.sessions[segments[2]]
                self._answer(
                    200,
                    "<!doctype html><title>Stand-in Checkout</title>"
                    '<link rel=icon href="data:,">'
                    f"<h1>Stand-in Checkout</h1><p>{session['amount_total']} "
                    f"{session['currency']}</p>",
                )
            elif segments == ["v1", "events"]:
                self._answer(200, standin.list_events(query))
            elif segments[:2] == ["v1", "invoices"] and len(segments) == 3:
                invoice = standin.invoices.get(segments[2])
                self._answer(200, invoice) if invoice else self._missing()
            elif segments == ["v1", "refunds"]:
                refunds = standin.refunds.get(query.get("charge", ""), [])
                self._answer(
                    200,
                    {
                        "object": "list",
                        "url": "/v1/refunds",
                        "has_more": False,
                        "data": refunds,
                    },
                )
            elif segments[:2] == ["v1", "subscriptions"] and len(segments) == 3:
                subscription = standin.subscriptions.get(segments[2])
                self._answer(200, subscription) if subscription else self._missing()
            else:
                self._missing()

        def do_POST(self) -> None:
            path = urlsplit(self.path).path
            standin.requests.append(("POST", path))
            form = self._form()
            segments = path.strip("/").split("/")
            if segments == ["v1", "checkout", "sessions"]:
                self._answer(200, standin.create_session(form))
            elif segments[:2] == ["v1", "subscriptions"] and len(segments) == 3:
                subscription = standin.subscriptions.get(segments[2])
                if subscription is None:
                    return self._missing()
                item = subscription["items"]["data"][0]
                key = "items[0][price_data][unit_amount]"
                if key in form:
                    item["price"]["unit_amount"] = int(form[key])
                recurring = "items[0][price_data][recurring]"
                if f"{recurring}[interval]" in form:  # as Stripe: no count is 1
                    item["price"]["recurring"] = {
                        "interval": form[f"{recurring}[interval]"],
                        "interval_count": int(
                            form.get(f"{recurring}[interval_count]", 1)
                        ),
                    }
                self._answer(200, subscription)
            else:
                self._missing()

        def do_DELETE(self) -> None:
            path = urlsplit(self.path).path
            standin.requests.append(("DELETE", path))
            segments = path.strip("/").split("/")
            subscription = standin.subscriptions.get(segments[-1])
            if segments[:2] == ["v1", "subscriptions"] and subscription:
                subscription["status"] = "canceled"
                self._answer(200, subscription)
            else:
                self._missing()

    return Handler
