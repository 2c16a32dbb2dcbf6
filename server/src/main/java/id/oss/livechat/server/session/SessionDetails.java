package id.oss.livechat.server.session;

import id.oss.livechat.model.visitor.AgentRef;
import id.oss.livechat.model.visitor.Contact;
import id.oss.livechat.model.visitor.DepartmentRef;
import id.oss.livechat.model.visitor.LastMessage;

/** A session with what is shown beside it: department, agent, contact, newest message. */
public record SessionDetails(
        ChatSession session,
        DepartmentRef department,
        AgentRef agent,
        Contact contact,
        LastMessage lastMessage) {}
