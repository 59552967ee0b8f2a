/** The public "Wrong info?" report dialog, English. Same keys as id/report.ts. */
export default {
  button: 'Wrong info?',
  title: 'Something wrong about {{name}}?',
  what: 'What is wrong?',
  reasons: { closed: 'Place is closed', wrong_location: 'Wrong location', wrong_phone: 'Wrong phone number', other: 'Other' },
  comment: 'Details (optional)',
  privacy: 'No need to write your name or number.',
  send: 'Send report',
  sending: 'Sending…',
  cancel: 'Cancel',
  close: 'Close',
  thanksTitle: 'Thank you',
  thanks: 'Your report has been received. Staff will check it.',
  failed: 'The report was not sent.',
};
