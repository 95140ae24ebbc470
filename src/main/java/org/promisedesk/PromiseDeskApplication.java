package org.promisedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PromiseDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(PromiseDeskApplication.class, args);
    }
}
