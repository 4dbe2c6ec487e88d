// Until the gateway lands, `npm start` serves the sandbox alone (issue 2 allows this).
import './sandbox/main.js';
