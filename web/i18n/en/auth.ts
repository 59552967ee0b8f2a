/** Login for staff pages (shared LoginGate), English. Same keys as id/auth.ts. */
export default {
  title: 'Staff login',
  intro: 'This page is for staff and planners. Log in with your account.',
  email: 'Email',
  password: 'Password',
  submit: 'Log in',
  submitting: 'Logging in…',
  wrong: 'Wrong email or password.',
  tooMany: 'Too many attempts. Wait a few minutes and try again.',
  invalid: 'Please check the form: {{message}}',
  noAccess: 'The account {{email}} ({{role}}) cannot open this page.',
  signedInAs: 'Logged in as {{email}}',
  logout: 'Log out',
  role: { admin: 'admin', staff: 'staff', planner: 'planner' },
};
