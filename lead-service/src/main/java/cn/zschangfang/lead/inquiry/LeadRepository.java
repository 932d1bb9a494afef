package cn.zschangfang.lead.inquiry;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Plain reads and the first insert; every later change goes through atomic updates in {@link LeadStore}. */
public interface LeadRepository extends MongoRepository<Lead, String> {}
