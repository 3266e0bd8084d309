"""Turns a Django e-mail message into an outbox row (and back, see OutgoingMail.as_email_message)."""

from email.mime.base import MIMEBase

from .models import OutgoingAttachment, OutgoingMail


def store(message):
    """Saves the message and its attachments; the caller decides the transaction."""
    mail = OutgoingMail.objects.create(
        from_email=message.from_email,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        recipients=", ".join(address.lower() for address in message.recipients()),
        subject=str(message.subject),
        body=str(message.body),
        alternatives=[[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        headers={str(name): str(value) for name, value in message.extra_headers.items()},
    )
    OutgoingAttachment.objects.bulk_create(
        OutgoingAttachment(mail=mail, **_attachment_fields(attachment)) for attachment in message.attachments
    )
    return mail


def _attachment_fields(attachment):
    if isinstance(attachment, MIMEBase):  # a ready-made MIME part (EmailMessage.attach(mimepart))
        return {
            "filename": attachment.get_filename() or "",
            "mimetype": attachment.get_content_type(),
            "content": attachment.get_payload(decode=True) or b"",
        }
    filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": filename or "",
        "mimetype": mimetype or "application/octet-stream",
        "content": content,
    }
