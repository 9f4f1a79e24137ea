package org.hanse.app.messaging;

import org.hanse.core.node.ResponseTimeout;

/** The response timeout a node declares (wait and retries); implemented by the network module, which keeps the configs. */
public interface ResponseTimeouts {

    ResponseTimeout of(String node);
}
