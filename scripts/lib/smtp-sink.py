#!/usr/bin/python3
"""A real SMTP server for the tests (Debian's python3-aiosmtpd) on 127.0.0.1: every message it
accepts is written to DIR as N.eml (the bytes received) and N.json (what Python's own email
parser reads in it: envelope, decoded headers, text), so a test checks the mail as a mail program
would see it. AUTH PLAIN/LOGIN with --user/--password (allowed without TLS: loopback only); STARTTLS with
--cert/--key, and with --smtps-port-file also SMTPS (TLS from the start) on a second port.
The recipient's local part picks a behaviour:
  tempfail-*  the first RCPT TO for that address is answered 451, later ones accepted
  reject-*    RCPT TO answered 550
  slow-*      the message is written, then the 250 after DATA waits 60 s (a sender killed then
              does not know whether it went out)
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.tempfailed = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject-"):
            return "550 5.1.1 No such user here"
        if local.startswith("tempfail-") and address not in self.tempfailed:
            self.tempfailed.add(address)
            return "451 4.7.1 Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parsed = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": {k: str(v) for k, v in message.items()},
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "transfer_encoding": message.get("Content-Transfer-Encoding", ""),
            "text": message.get_content(),
            "authenticated_as": session.auth_data.login.decode()
            if isinstance(session.auth_data, LoginPassword) else None,
            "tls": session.ssl is not None,
        }
        name = os.path.join(self.directory, "%06d-%d" % (self.count, os.getpid()))
        with open(name + ".eml", "wb") as f:
            f.write(raw)
        with open(name + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(parsed, f, ensure_ascii=False)
        os.rename(name + ".json.tmp", name + ".json")
        if any(a.split("@", 1)[0].lower().startswith("slow-") for a in envelope.rcpt_tos):
            await asyncio.sleep(60)
        return "250 2.0.0 Message accepted"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and \
                auth_data.password.decode() == password:
            return AuthResult(success=True, auth_data=auth_data)
        return AuthResult(success=False, handled=False)
    return check


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    parser.add_argument("--cert", default="")
    parser.add_argument("--key", default="")
    parser.add_argument("--smtps-port-file", default="",
                        help="with --cert: also SMTPS (TLS from the first byte) on a port of its own")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    handler = Handler(args.dir)
    options = {"hostname": "sink.test", "auth_require_tls": False}
    if args.user:
        options["authenticator"] = authenticator(args.user, args.password)
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        options["tls_context"] = context
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, **options), "127.0.0.1", 0)
    servers = [server]
    if args.cert and args.smtps_port_file:
        implicit = dict(options)
        del implicit["tls_context"]  # no STARTTLS inside TLS
        smtps = await loop.create_server(lambda: SMTP(handler, **implicit), "127.0.0.1", 0,
                                         ssl=options["tls_context"])
        servers.append(smtps)
        with open(args.smtps_port_file + ".tmp", "w") as f:
            f.write("%d\n" % smtps.sockets[0].getsockname()[1])
        os.rename(args.smtps_port_file + ".tmp", args.smtps_port_file)
    port = server.sockets[0].getsockname()[1]
    with open(args.port_file + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(args.port_file + ".tmp", args.port_file)
    await asyncio.gather(*(s.serve_forever() for s in servers))


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
