/** E-mail through SMTP (nodemailer), configured by PANTAU_SMTP_URL; absent = no e-mail at all. */
import nodemailer from 'nodemailer';
import type { AppConfig } from '../../config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<AppConfig, 'smtpUrl' | 'smtpFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.smtpFrom, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
