// Preloaded into the test LRS: xapi-statements calls `app.listen(port)`, which binds every interface.
// This makes a listen() given only a port bind to 127.0.0.1, so the LRS is reachable from this machine only.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
