import { render } from 'preact';
import { App } from './app';
import '@enforcement-link/web/base.css';

render(<App />, document.getElementById('app') as HTMLElement);
